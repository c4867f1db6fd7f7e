package dev.switchboard.session;

import dev.switchboard.config.ChannelConfig;
import dev.switchboard.config.IntegrationConfig;
import dev.switchboard.config.TenantConfig;
import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.booking.CalcomWebhook;
import dev.switchboard.engine.booking.Reminder;
import dev.switchboard.engine.bus.SessionCommand;
import dev.switchboard.engine.channel.PayloadException;
import dev.switchboard.engine.channel.PhoneNumbers;
import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.store.BookingStore;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Bookings changed outside the conversation: Cal.com webhooks (a booking made, moved or cancelled on Cal.com's own
 * pages, an attendee marked as a no-show) and the admin calls (no-show, attended). Each change is idempotent (looked
 * up by the provider's uid, applied with a compare-and-set on the status), so a repeated webhook changes nothing.
 */
public final class BookingSync {
  /** What a webhook did. */
  public enum Outcome { APPLIED, IGNORED }

  private final BookingStore bookings;
  private final SessionGateway sessions;
  private final Clock clock;

  public BookingSync(BookingStore bookings, SessionGateway sessions, Clock clock) {
    this.bookings = bookings;
    this.sessions = sessions;
    this.clock = clock;
  }

  public Future<Outcome> calcom(TenantConfig tenant, IntegrationConfig cal, CalcomWebhook w) {
    if (tenant.booking() == null || !cal.id().equals(tenant.booking().calendar())) {
      return Future.succeededFuture(Outcome.IGNORED);
    }
    Instant now = clock.instant();
    return switch (w.trigger()) {
      case "BOOKING_CREATED" -> bookings.byProviderUid(tenant.id(), w.uid()).compose(known ->
          known != null || w.command() != null || w.start() == null || w.end() == null
              // Ours (the outbox records its uid) or already known: nothing to add.
              ? Future.succeededFuture(Outcome.IGNORED) : created(tenant, cal, w, now));
      case "BOOKING_RESCHEDULED" -> bookings.byProviderUid(tenant.id(), w.rescheduleUid() != null ? w.rescheduleUid()
          : w.uid()).compose(b -> b == null || w.start() == null || w.end() == null
          || b.start().equals(w.start()) && w.uid().equals(b.providerUid()) ? Future.succeededFuture(Outcome.IGNORED)
          : moved(tenant, b, w, now));
      case "BOOKING_CANCELLED" -> bookings.byProviderUid(tenant.id(), w.uid()).compose(b -> b == null
          || !b.status().active() ? Future.succeededFuture(Outcome.IGNORED)
          : bookings.update(b.with(BookingStatus.CANCELLED, null, null, now), b.status())
          .compose(won -> bookings.cancelReminders(b.id()).map(won ? Outcome.APPLIED : Outcome.IGNORED)));
      case "BOOKING_NO_SHOW_UPDATED" -> !w.noShow() ? Future.succeededFuture(Outcome.IGNORED)
          : bookings.byProviderUid(tenant.id(), w.uid()).compose(b -> b == null ? Future.succeededFuture(Outcome.IGNORED)
          : noShow(b).map(x -> Outcome.APPLIED));
      default -> Future.succeededFuture(Outcome.IGNORED);
    };
  }

  /**
   * Marks a confirmed booking NO_SHOW and has its conversation offer a new slot; null when it is not confirmed (a
   * repeat of the call, or a cancelled booking).
   */
  public Future<Booking> noShow(Booking b) {
    Booking marked = b.with(BookingStatus.NO_SHOW, null, null, clock.instant());
    return bookings.update(marked, BookingStatus.CONFIRMED).compose(won -> !won ? Future.succeededFuture(null)
        : bookings.cancelReminders(b.id())
        .compose(v -> sessions.submit(new SessionCommand.BookingEvent(b.key(), b.id(),
            SessionCommand.BookingEvent.Kind.NO_SHOW, null), "booking").map(marked)));
  }

  /** The customer came: COMPLETED (no no-show follow-up); null when the booking is not confirmed. */
  public Future<Booking> attended(Booking b) {
    Booking done = b.with(BookingStatus.COMPLETED, null, null, clock.instant());
    return bookings.update(done, BookingStatus.CONFIRMED).map(won -> won ? done : null);
  }

  public Future<Booking> get(String id) {
    return bookings.get(id);
  }

  public Future<List<Booking>> list(String tenantId, int limit) {
    return bookings.list(tenantId, limit);
  }

  private Future<Outcome> created(TenantConfig tenant, IntegrationConfig cal, CalcomWebhook w, Instant now) {
    Booking b = new Booking("bk_" + UUID.nameUUIDFromBytes((tenant.id() + "/calcom/" + w.uid())
        .getBytes(StandardCharsets.UTF_8)).toString().replace("-", ""), contact(tenant, cal, w), "calcom", w.uid(),
        w.start(), w.end(), BookingStatus.CONFIRMED, null, w.attendeeName(), null, now, now);
    return bookings.insert(b).compose(v -> bookings.addReminders(reminders(tenant, b, now))).map(Outcome.APPLIED);
  }

  private Future<Outcome> moved(TenantConfig tenant, Booking b, CalcomWebhook w, Instant now) {
    Booking moved = new Booking(b.id(), b.key(), b.provider(), w.uid(), w.start(), w.end(), BookingStatus.CONFIRMED,
        b.commandId(), b.attendeeName(), null, b.createdAt(), now);
    return bookings.update(moved, b.status())
        .compose(won -> !won ? Future.succeededFuture(Outcome.IGNORED) : bookings.cancelReminders(b.id())
            .compose(v -> bookings.addReminders(reminders(tenant, moved, now))).map(Outcome.APPLIED));
  }

  /**
   * The conversation a booking made on Cal.com belongs to: the attendee's phone on the tenant's WhatsApp channel (or
   * its first channel); without a phone, a key under the calendar that no channel answers (no reminders reach it).
   */
  private static ConversationKey contact(TenantConfig tenant, IntegrationConfig cal, CalcomWebhook w) {
    String phone = null;
    try {
      phone = w.attendeePhone() == null ? null : PhoneNumbers.canonical(w.attendeePhone());
    } catch (PayloadException notAPhone) {
      phone = null;
    }
    ChannelConfig channel = tenant.channels().stream().filter(c -> c.type() == ChannelType.WHATSAPP).findFirst()
        .orElse(tenant.channels().isEmpty() ? null : tenant.channels().get(0));
    if (phone == null || channel == null) {
      return new ConversationKey(tenant.id(), cal.id(), "calcom:" + w.uid());
    }
    return new ConversationKey(tenant.id(), channel.id(), phone);
  }

  /** The reminders of a confirmed booking still ahead of {@code now}. */
  static List<Reminder> reminders(TenantConfig tenant, Booking b, Instant now) {
    return tenant.booking().reminders().stream().map(m -> Reminder.of(b, m)).filter(r -> r.dueAt().isAfter(now))
        .toList();
  }
}
