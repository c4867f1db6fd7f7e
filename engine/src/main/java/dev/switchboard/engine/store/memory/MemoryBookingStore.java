package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingDialogue;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.booking.Reminder;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.store.BookingStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Bookings in memory (embedded defaults, tests). */
public final class MemoryBookingStore implements BookingStore {
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
}
