package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingDialogue;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.booking.Reminder;
import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.privacy.BookingRecords;
import dev.switchboard.engine.privacy.ContactSource;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.store.BookingStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Bookings in memory (embedded defaults, tests); a participant of the memory erase (docs/privacy.md). */
public final class MemoryBookingStore implements BookingStore, ContactSource {
  private final Map<ConversationKey, DialogueRow> dialogues = new HashMap<>();
  private final Map<String, Booking> bookings = new LinkedHashMap<>();
  private final Map<String, Reminder> reminders = new LinkedHashMap<>();
  /** Reminder id → when it was claimed; absent while pending. */
  private final Map<String, Instant> claimed = new HashMap<>();
  private final Map<String, Boolean> sent = new HashMap<>();

  @Override
  public synchronized Future<DialogueRow> dialogue(ConversationKey key) {
    return Future.succeededFuture(dialogues.get(key));
  }

  @Override
  public synchronized Future<Void> saveDialogue(ConversationKey key, BookingDialogue state, BookingDialogue previous,
                                                String eventKey) {
    dialogues.put(key, new DialogueRow(state, previous, eventKey));
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<List<ConversationKey>> idleDialogues(Instant updatedBefore, int limit) {
    return Future.succeededFuture(dialogues.entrySet().stream()
        .filter(e -> e.getValue().state() != null && e.getValue().state().stage() != BookingDialogue.Stage.BOOKING
            && e.getValue().state().updatedAt().isBefore(updatedBefore))
        .map(Map.Entry::getKey).limit(limit).toList());
  }

  @Override
  public synchronized Future<Boolean> insert(Booking booking) {
    return Future.succeededFuture(bookings.putIfAbsent(booking.id(), booking) == null);
  }

  @Override
  public synchronized Future<Boolean> update(Booking booking, BookingStatus expected) {
    Booking current = bookings.get(booking.id());
    if (current == null || current.status() != expected) {
      return Future.succeededFuture(false);
    }
    bookings.put(booking.id(), booking);
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<Booking> get(String id) {
    return Future.succeededFuture(bookings.get(id));
  }

  @Override
  public synchronized Future<Booking> byCommand(String commandId) {
    return Future.succeededFuture(bookings.values().stream().filter(b -> Objects.equals(b.commandId(), commandId))
        .findFirst().orElse(null));
  }

  @Override
  public synchronized Future<Booking> byProviderUid(String tenantId, String providerUid) {
    return Future.succeededFuture(bookings.values().stream().filter(b -> b.key().tenantId().equals(tenantId)
        && Objects.equals(b.providerUid(), providerUid)).findFirst().orElse(null));
  }

  @Override
  public synchronized Future<List<Booking>> forConversation(ConversationKey key) {
    return Future.succeededFuture(bookings.values().stream().filter(b -> b.key().equals(key))
        .sorted(Comparator.comparing(Booking::start)).toList());
  }

  @Override
  public synchronized Future<List<Booking>> list(String tenantId, int limit) {
    return Future.succeededFuture(bookings.values().stream().filter(b -> b.key().tenantId().equals(tenantId))
        .sorted(Comparator.comparing(Booking::start).reversed()).limit(limit).toList());
  }

  @Override
  public synchronized Future<List<Booking>> inStatus(BookingStatus status, Instant before, int limit) {
    return Future.succeededFuture(bookings.values().stream().filter(b -> b.status() == status
        && b.updatedAt().isBefore(before)).limit(limit).toList());
  }

  @Override
  public synchronized Future<Void> addReminders(List<Reminder> list) {
    list.forEach(r -> reminders.putIfAbsent(r.id(), r));
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> cancelReminders(String bookingId) {
    reminders.values().removeIf(r -> r.bookingId().equals(bookingId) && !sent.containsKey(r.id()));
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<List<Reminder>> claimDueReminders(Instant now, Instant reclaimBefore, int limit) {
    List<Reminder> due = new ArrayList<>();
    for (Reminder r : reminders.values()) {
      Instant at = claimed.get(r.id());
      boolean open = !sent.containsKey(r.id()) && (at == null || at.isBefore(reclaimBefore));
      if (open && !r.dueAt().isAfter(now) && due.size() < limit) {
        claimed.put(r.id(), now);
        due.add(r);
      }
    }
    return Future.succeededFuture(due);
  }

  @Override
  public synchronized Future<Void> reminderSent(String reminderId) {
    sent.put(reminderId, true);
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<List<Reminder>> pendingReminders(String bookingId) {
    return Future.succeededFuture(reminders.values().stream().filter(r -> r.bookingId().equals(bookingId)
        && !sent.containsKey(r.id())).sorted(Comparator.comparing(Reminder::dueAt)).toList());
  }

  @Override
  public synchronized Future<JsonObject> export(ContactSubject subject) {
    JsonArray list = new JsonArray();
    bookings.values().stream().filter(b -> BookingRecords.belongs(b.key(), subject))
        .sorted(Comparator.comparing(Booking::start)).forEach(b -> list.add(BookingRecords.export(b)
            .put("reminders", new JsonArray(reminders.values().stream().filter(r -> r.bookingId().equals(b.id()))
                .map(r -> new JsonObject().put("dueAt", r.dueAt().toString()).put("sent", sent.containsKey(r.id())))
                .toList()))));
    JsonArray talks = new JsonArray();
    dialogues.forEach((key, row) -> {
      if (BookingRecords.belongs(key, subject)) {
        talks.add(new JsonObject().put("conversation", key.asString()).put("eventKey", row.eventKey())
            .put("state", row.state() == null ? null : new JsonObject(Json.write(row.state())))
            .put("previous", row.previous() == null ? null : new JsonObject(Json.write(row.previous()))));
      }
    });
    return Future.succeededFuture(new JsonObject().put("bookings", list).put("bookingDialogues", talks));
  }

  @Override
  public synchronized Future<Map<String, Integer>> erase(ContactSubject subject, Erasure erasure) {
    List<Booking> mine = bookings.values().stream().filter(b -> BookingRecords.belongs(b.key(), subject)).toList();
    int dropped = 0;
    for (Booking b : mine) {
      List<String> ids = reminders.values().stream().filter(r -> r.bookingId().equals(b.id())).map(Reminder::id)
          .toList();
      ids.forEach(id -> {
        reminders.remove(id);
        claimed.remove(id);
        sent.remove(id);
      });
      dropped += ids.size();
      bookings.remove(b.id());
      Booking kept = BookingRecords.erased(b, erasure);
      bookings.put(kept.id(), kept);
    }
    int before = dialogues.size();
    dialogues.keySet().removeIf(key -> BookingRecords.belongs(key, subject));
    return Future.succeededFuture(Map.of("bookings", mine.size(), "bookingReminders", dropped,
        "bookingDialogues", before - dialogues.size()));
  }
}
