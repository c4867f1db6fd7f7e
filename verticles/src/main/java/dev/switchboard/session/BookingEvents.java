package dev.switchboard.session;

import dev.switchboard.booking.Calendars;
import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingDialogue;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.booking.Slot;
import dev.switchboard.engine.bus.SessionCommand;
import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.conversation.Trigger;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.outbound.calcom.CalcomResponses;
import dev.switchboard.engine.store.BookingStore;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.store.Stores;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a conversation does when something happens to its booking (docs/appointments.md), on its own mailbox: a
 * calendar call settled (confirm, offer again, or say it failed), is slow (say so once), a reminder is due, the
 * dialogue went idle (abandon it politely), the customer did not show up (offer a new slot). Every message's command
 * id is derived from what caused it, so a repeated event sends nothing twice.
 */
final class BookingEvents {
  static final String DONE = "done";
  static final String SKIPPED = "skipped";
  private final Stores stores;
  private final BookingStore bookings;
  private final Calendars calendars;
  private final TenantDirectory directory;
  private final BookingReplies replies;
  private final Clock clock;

  BookingEvents(Stores stores, Calendars calendars, TenantDirectory directory, BookingReplies replies, Clock clock) {
    this.stores = stores;
    this.bookings = stores.bookings();
    this.calendars = calendars;
    this.directory = directory;
    this.replies = replies;
    this.clock = clock;
  }

  Future<String> handle(SessionCommand.BookingEvent e) {
    TenantConfig tenant = directory.tenant(e.key().tenantId()).orElse(null);
    if (tenant == null || tenant.booking() == null) {
      return Future.succeededFuture(SKIPPED);
    }
    BookingKit kit = BookingKit.of(tenant);
    // An erased contact's kept bookings (docs/privacy.md) live under an anonymous conversation: nobody to tell.
    return stores.conversations().find(e.key()).compose(c -> c == null
        || c.key().contactId().startsWith(Erasure.ID_PREFIX) ? Future.succeededFuture(SKIPPED)
        : switch (e.kind()) {
          case SETTLED -> settled(tenant, kit, c, e.bookingId());
          case DELAYED -> bookings.get(e.bookingId()).compose(b -> b == null || b.status() != BookingStatus.REQUESTED
              ? Future.succeededFuture(SKIPPED) : replies.send(c, "booking/" + b.commandId() + "/delayed",
              kit.texts().delayed(), List.of()));
          case REMINDER -> reminder(tenant, kit, c, e);
          case IDLE -> idle(tenant, kit, c);
          case NO_SHOW -> bookings.get(e.bookingId()).compose(b -> b == null || b.status() != BookingStatus.NO_SHOW
              ? Future.succeededFuture(SKIPPED) : replies.send(c, "booking/" + b.id() + "/no-show",
              kit.texts().noShow(b), List.of()));
        });
  }

  private Future<String> settled(TenantConfig tenant, BookingKit kit, Conversation c, String bookingId) {
    return bookings.get(bookingId).compose(b -> b == null || b.commandId() == null ? Future.succeededFuture(SKIPPED)
        : stores.outbox().get(b.commandId()).compose(cmd -> {
          if (cmd == null || cmd.status() != CommandStatus.SENT && cmd.status() != CommandStatus.DEAD) {
            return Future.succeededFuture(SKIPPED);
          }
          String source = "booking/" + cmd.id() + "/settled";
          return stores.outbox().get(replies.commandId(c, source)).compose(done -> done != null
              ? Future.succeededFuture(SKIPPED) : apply(tenant, kit, c, b, cmd, source));
        }));
  }

  private Future<String> apply(TenantConfig tenant, BookingKit kit, Conversation c, Booking b, OutboundCommand cmd,
                               String source) {
    Instant now = clock.instant();
    boolean sent = cmd.status() == CommandStatus.SENT;
    OutboundPayload p = cmd.payload();
    if (p instanceof OutboundPayload.Booking) {
      if (sent) {
        Booking confirmed = b.with(BookingStatus.CONFIRMED, cmd.providerMessageId(), null, now);
        return bookings.update(confirmed, BookingStatus.REQUESTED)
            .compose(v -> schedule(tenant, confirmed, now))
            .compose(v -> end(c, now))
            .compose(v -> replies.send(c, source, kit.texts().confirmed(b.start()),
                audit(c, Trigger.BOOKING_CONFIRMED, now)));
      }
      Booking failed = b.with(BookingStatus.FAILED, null, cmd.lastError(), now);
      if (CalcomResponses.SLOT_TAKEN.equals(cmd.lastError())) {
        // Taken between the offer and the booking: offer that day's free slots again.
        return bookings.update(failed, BookingStatus.REQUESTED)
            .compose(v -> calendars.free(tenant, b.start().atZone(tenant.zoneId()).toLocalDate()))
            .compose(free -> {
              var local = b.start().atZone(tenant.zoneId());
              // The same day, nearest to the time that was taken.
              var d = BookingDialogue.asking(local.toLocalDate(), null, local.toLocalTime().toString(), null, now);
              var offer = kit.offer().offer(d, free, kit.texts(), now);
              return bookings.saveDialogue(c.key(), offer.next(), null, source)
                  .compose(v -> replies.send(c, source, kit.texts().slotTaken(offer.next().offered()),
                      audit(c, Trigger.BOOKING_FAILED, now)));
            });
      }
      return bookings.update(failed, BookingStatus.REQUESTED)
          .compose(v -> end(c, now))
          .compose(v -> replies.send(c.withFlag("booking-failed"), source, kit.texts().providerFailed(),
              audit(c, Trigger.BOOKING_FAILED, now)));
    }
    if (p instanceof OutboundPayload.BookingMove move) {
      if (!sent) {
        return end(c, now).compose(v -> replies.send(c.withFlag("booking-failed"), source,
            kit.texts().providerFailed(), audit(c, Trigger.BOOKING_FAILED, now)));
      }
      Instant start = Instant.parse(move.start());
      Booking moved = b.moved(new Slot(start, start.plus(Duration.between(b.start(),
          b.end()))), cmd.id(), now).with(BookingStatus.CONFIRMED, cmd.providerMessageId(), null, now);
      return bookings.update(moved, BookingStatus.CONFIRMED)
          .compose(v -> bookings.cancelReminders(b.id()))
          .compose(v -> schedule(tenant, moved, now))
          .compose(v -> end(c, now))
          .compose(v -> replies.send(c, source, kit.texts().moved(moved), audit(c, Trigger.BOOKING_CONFIRMED, now)));
    }
    if (!sent) {
      return end(c, now).compose(v -> replies.send(c.withFlag("booking-failed"), source, kit.texts().providerFailed(),
          audit(c, Trigger.BOOKING_FAILED, now)));
    }
    Booking cancelled = b.with(BookingStatus.CANCELLED, null, null, now);
    return bookings.update(cancelled, BookingStatus.CONFIRMED)
        .compose(v -> bookings.cancelReminders(b.id()))
        .compose(v -> end(c, now))
        .compose(v -> replies.send(c, source, kit.texts().cancelled(b), audit(c, Trigger.BOOKING_CANCELLED, now)));
  }

  /** The reminders of a confirmed booking that are still ahead. */
  Future<Void> schedule(TenantConfig tenant, Booking b, Instant now) {
    return bookings.addReminders(BookingSync.reminders(tenant, b, now));
  }

  private Future<Void> end(Conversation c, Instant now) {
    return bookings.dialogue(c.key()).compose(row -> row == null || row.state() == null ? Future.succeededFuture()
        : bookings.saveDialogue(c.key(), null, row.state(), row.eventKey()));
  }

  private Future<String> reminder(TenantConfig tenant, BookingKit kit, Conversation c,
                                  SessionCommand.BookingEvent e) {
    return bookings.get(e.bookingId()).compose(b -> {
      boolean current = b != null && b.status() == BookingStatus.CONFIRMED
          && e.ref().endsWith("/" + b.start().getEpochSecond());
      if (!current || c.optedOut() || c.blocked()) {
        return Future.succeededFuture(SKIPPED);
      }
      Instant now = clock.instant();
      boolean sameDay = b.start().atZone(tenant.zoneId()).toLocalDate()
          .equals(now.atZone(tenant.zoneId()).toLocalDate());
      var cfg = tenant.booking();
      var template = cfg.reminderTemplate() == null ? null : new OutboundPayload.Template(cfg.reminderTemplate(),
          cfg.reminderTemplateLanguage(), List.of(kit.texts().day(b.start()), kit.texts().time(b.start()),
          cfg.place() == null ? "" : cfg.place()));
      return replies.sendReminder(c, "booking/" + e.ref(), kit.texts().reminder(b, sameDay), template);
    });
  }

  private Future<String> idle(TenantConfig tenant, BookingKit kit, Conversation c) {
    Instant now = clock.instant();
    return bookings.dialogue(c.key()).compose(row -> {
      BookingDialogue d = row == null ? null : row.state();
      if (d == null || !d.expired(now, Duration.ofMinutes(tenant.booking().timeoutMinutes()))) {
        return Future.succeededFuture(SKIPPED);
      }
      if (c.state() != ConversationState.BOT) {
        // A person has the conversation: the dialogue just ends, without a bot message.
        return bookings.saveDialogue(c.key(), null, d, row.eventKey()).map(SKIPPED);
      }
      return bookings.saveDialogue(c.key(), null, d, row.eventKey())
          // Named by the step that left the dialogue waiting (unique to this conversation) and when it did.
          .compose(v -> replies.send(c, "booking-idle/" + row.eventKey() + "/" + d.updatedAt().toEpochMilli(),
              kit.texts().abandoned(),
              audit(c, Trigger.BOOKING_ENDED, now)));
    });
  }

  private static List<AuditEntry> audit(Conversation c, Trigger trigger, Instant now) {
    return List.of(new AuditEntry(c.key(), c.state(), c.state(), trigger, "calendar", now));
  }
}
