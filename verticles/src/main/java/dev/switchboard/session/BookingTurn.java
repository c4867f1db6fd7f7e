package dev.switchboard.session;

import dev.switchboard.booking.Calendars;
import dev.switchboard.config.BookingConfig;
import dev.switchboard.config.TenantConfig;
import dev.switchboard.engine.ai.extract.BrazilianEntities;
import dev.switchboard.engine.ai.intent.IntentClassifier;
import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingDialogue;
import dev.switchboard.engine.booking.BookingRules;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.Trigger;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.store.BookingStore;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A customer turn as the booking dialogue sees it (docs/appointments.md): reads the dialogue, asks the pure
 * {@link BookingRules} what to do, does the I/O it asks for (free slots; a booking, move or cancellation as an outbox
 * command) and saves the dialogue before the turn's step commits, tagged with the turn's event: a turn run again over
 * the same event starts from the state before it, decides the same, and its booking and command ids (derived from the
 * event) exist once. Null when the turn is not about booking (the AI answers it).
 */
final class BookingTurn {
  /** What the dialogue did: the reply, the calendar commands and the audit entries to commit with the turn. */
  record Outcome(String text, List<OutboundCommand> commands, List<AuditEntry> audit) {
  }

  private final BookingStore bookings;
  private final Calendars calendars;
  private final Clock clock;

  BookingTurn(BookingStore bookings, Calendars calendars, Clock clock) {
    this.bookings = bookings;
    this.calendars = calendars;
    this.clock = clock;
  }

  /**
   * {@code classified} is the turn's own classification of a one-message batch (null for a burst, whose joined text
   * is classified here): the classifier is the largest CPU item of a turn, so it does not run twice.
   */
  Future<Outcome> onCustomer(TenantConfig tenant, Conversation c, List<MessageReceived> batch,
                             IntentClassifier intents, IntentClassifier.Classification classified, String cid) {
    if (tenant.booking() == null) {
      return Future.succeededFuture(null);
    }
    // The batch's first message names the turn: a turn that failed for good is carried, first, into the
    // conversation's next turn, so the same dialogue step, booking and command ids come out of it.
    MessageReceived first = batch.get(0);
    String text = batch.stream().map(m -> m.content().text()).filter(t -> !t.isBlank())
        .collect(Collectors.joining("\n"));
    String eventKey = first.dedupeKey();
    Instant now = clock.instant();
    BookingKit kit = BookingKit.of(tenant);
    return bookings.dialogue(c.key()).compose(row -> {
      BookingDialogue base = row == null ? null : eventKey.equals(row.eventKey()) ? row.previous() : row.state();
      if (base != null && base.expired(now, Duration.ofMinutes(tenant.booking().timeoutMinutes()))) {
        base = null;
      }
      BookingDialogue from = base;
      var found = BrazilianEntities.extract(text, LocalDate.ofInstant(now, tenant.zoneId()));
      String intent = classified != null ? classified.intent() : intents.classify(text).intent();
      var said = new BookingRules.Said(text, intent,
          found.hasNonNull("date") ? LocalDate.parse(found.get("date").asText()) : null,
          found.path("period").asText(null), found.path("time").asText(null));
      if (from == null && !BookingRules.mayStart(said)) {
        return Future.succeededFuture((Outcome) null);
      }
      return concerned(c, from, now).compose(upcoming -> {
        BookingRules.Decision d = kit.rules().next(from, said, upcoming, now);
        return act(tenant, kit, c, first, from, d, upcoming, now, cid);
      }).compose(outcome -> outcome == null ? Future.succeededFuture((Outcome) null)
          : bookings.saveDialogue(c.key(), outcome.next, from, eventKey)
          .map(v -> new Outcome(outcome.text, outcome.commands, audit(c, from, outcome.next, now))));
    });
  }

  /** The booking the dialogue is about, or the contact's next active one. */
  private Future<Booking> concerned(Conversation c, BookingDialogue d, Instant now) {
    if (d != null && d.bookingId() != null) {
      return bookings.get(d.bookingId());
    }
    return bookings.forConversation(c.key()).map(list -> list.stream()
        .filter(b -> b.status() == BookingStatus.CONFIRMED && b.start().isAfter(now)).findFirst().orElse(null));
  }

  /** A decision carried out: the reply, the dialogue after it, the calendar commands. */
  private record Done(String text, BookingDialogue next, List<OutboundCommand> commands) {
  }

  private Future<Done> act(TenantConfig tenant, BookingKit kit, Conversation c, MessageReceived first,
                           BookingDialogue from, BookingRules.Decision d, Booking upcoming, Instant now, String cid) {
    if (d instanceof BookingRules.Pass) {
      return Future.succeededFuture(null);
    }
    if (d instanceof BookingRules.Reply r) {
      return Future.succeededFuture(new Done(r.text(), r.next(), List.of()));
    }
    if (d instanceof BookingRules.FindSlots f) {
      return calendars.free(tenant, f.next().date())
          .map(free -> {
            var offer = kit.offer().offer(f.next(), free, kit.texts(), now);
            return new Done(offer.text(), offer.next(), List.of());
          })
          // The calendar did not answer: say so; the day is kept, so the next message tries again.
          .otherwise(e -> new Done(kit.texts().calendarUnavailable(), f.next(), List.of()));
    }
    String source = first.source().eventId();
    if (d instanceof BookingRules.Book b) {
      var slot = b.next().chosen();
      String commandId = command(tenant, source);
      Booking booking = new Booking(bookingId(tenant, first.dedupeKey()), c.key(), calendars.calendar(tenant).type()
          .wire(), null, slot.start(), slot.end(), BookingStatus.REQUESTED, commandId, first.contact().displayName(),
          null, now, now);
      BookingConfig cfg = tenant.booking();
      var payload = new OutboundPayload.Booking(cfg.eventTypeId(), slot.start().toString(),
          booking.attendeeName() == null ? "Cliente" : booking.attendeeName(), attendeeEmail(c, cfg), tenant.zone(),
          c.key().contactId().startsWith("+") ? c.key().contactId() : null);
      return bookings.insert(booking).map(v -> new Done(kit.texts().booking(slot), b.next(),
          List.of(calendarCommand(tenant, c, commandId, booking.id(), payload, now, cid))));
    }
    if (upcoming == null || upcoming.providerUid() == null || upcoming.status() != BookingStatus.CONFIRMED) {
      return Future.succeededFuture(new Done(kit.texts().nothingToChange(), null, List.of()));
    }
    String commandId = command(tenant, source);
    OutboundPayload payload = d instanceof BookingRules.Move m
        ? new OutboundPayload.BookingMove(upcoming.providerUid(), m.next().chosen().start().toString(), "pelo chat")
        : new OutboundPayload.BookingCancel(upcoming.providerUid(), "pelo chat");
    BookingDialogue next = d instanceof BookingRules.Move m ? m.next().booking(m.next().chosen(), now)
        : new BookingDialogue(BookingDialogue.Stage.BOOKING, null, null, null, null, null, upcoming.id(), now);
    String text = d instanceof BookingRules.Move ? kit.texts().moving() : kit.texts().cancelling();
    return bookings.update(upcoming.withCommand(commandId, now), BookingStatus.CONFIRMED)
        .map(v -> new Done(text, next, List.of(calendarCommand(tenant, c, commandId, upcoming.id(), payload, now,
            cid))));
  }

  private String command(TenantConfig tenant, String sourceEventId) {
    return OutboundCommand.forEvent(tenant.id(), tenant.booking().calendar(), sourceEventId, 0);
  }

  private OutboundCommand calendarCommand(TenantConfig tenant, Conversation c, String id, String bookingId,
                                          OutboundPayload payload, Instant now, String cid) {
    var cal = calendars.calendar(tenant);
    var key = new ConversationKey(tenant.id(), cal.id(), c.key().contactId());
    return OutboundCommand.pending(id, key, null, cal.type().wire(), bookingId, payload, now, cid);
  }

  static String bookingId(TenantConfig tenant, String dedupeKey) {
    return "bk_" + UUID.nameUUIDFromBytes((tenant.id() + '/' + dedupeKey).getBytes(StandardCharsets.UTF_8))
        .toString().replace("-", "");
  }

  /** Cal.com wants an e-mail; the chat has none: a stable address per contact in a domain that receives nothing. */
  private static String attendeeEmail(Conversation c, BookingConfig cfg) {
    return "c" + UUID.nameUUIDFromBytes(c.key().asString().getBytes(StandardCharsets.UTF_8)).toString()
        .replace("-", "").substring(0, 16) + "@" + cfg.attendeeEmailDomain();
  }

  private static List<AuditEntry> audit(Conversation c, BookingDialogue from, BookingDialogue to, Instant now) {
    Trigger trigger = BookingKit.trigger(from, to);
    List<AuditEntry> out = new ArrayList<>();
    if (trigger != null) {
      out.add(new AuditEntry(c.key(), c.state(), c.state(), trigger, "customer", now));
    }
    return out;
  }
}
