package dev.switchboard.scheduler;

import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.booking.Reminder;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.SessionCommand;
import dev.switchboard.engine.bus.SessionCommand.BookingEvent.Kind;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.store.BookingStore;
import dev.switchboard.engine.store.OutboxStore;
import dev.switchboard.session.SessionGateway;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives bookings by time and by the outbox (docs/appointments.md): a calendar call that settled goes to its
 * conversation at once; every {@code pollMs} (against the engine's clock, so tests move time instead of sleeping) it
 * sends due reminders (claimed once across nodes), re-delivers outcomes a crash may have lost and tells customers
 * whose call is slow, abandons idle dialogues, and marks no-shows for tenants that set {@code noShowAfterMinutes}.
 */
public final class BookingVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(BookingVerticle.class);
  private static final int BATCH = 100;
  private static final Duration RECLAIM = Duration.ofMinutes(5);
  private static final Duration ORPHAN_AFTER = Duration.ofMinutes(10);
  private final BookingStore bookings;
  private final OutboxStore outbox;
  private final TenantDirectory directory;
  private final SessionGateway sessions;
  private final Clock clock;
  private final long pollMs;
  private long timer = -1;
  private boolean polling;

  public BookingVerticle(BookingStore bookings, OutboxStore outbox, TenantDirectory directory,
                         SessionGateway sessions, Clock clock, long pollMs) {
    this.bookings = bookings;
    this.outbox = outbox;
    this.directory = directory;
    this.sessions = sessions;
    this.clock = clock;
    this.pollMs = pollMs;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(pollMs, id -> poll());
    return vertx.eventBus().<String>localConsumer(Addresses.BOOKING_SETTLED, m -> bookings.byCommand(m.body())
        .compose(b -> b == null ? Future.succeededFuture() : tell(b, Kind.SETTLED, null))).completion();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void poll() {
    if (polling) {
      return;
    }
    polling = true;
    Instant now = clock.instant();
    reminders(now)
        .compose(v -> requests(now))
        .compose(v -> idleDialogues(now))
        .compose(v -> noShows(now))
        .onComplete(ar -> {
          polling = false;
          if (ar.failed()) {
            LOG.warn("booking poll failed cause={}", ar.cause().getClass().getSimpleName());
          }
        });
  }

  private Future<Void> reminders(Instant now) {
    return bookings.claimDueReminders(now, now.minus(RECLAIM), BATCH).compose(due -> each(due, r -> remind(r)));
  }

  private Future<Void> remind(Reminder r) {
    return bookings.get(r.bookingId()).compose(b -> b == null ? bookings.reminderSent(r.id())
        : tell(b, Kind.REMINDER, r.id()).compose(v -> bookings.reminderSent(r.id())));
  }

  /** Requests still open past their tenant's patience: settled (an outcome a crash lost) or slow (say so). */
  private Future<Void> requests(Instant now) {
    return bookings.inStatus(BookingStatus.REQUESTED, now.minusSeconds(5), BATCH).compose(open -> each(open, b -> {
      TenantConfig tenant = tenant(b);
      if (tenant == null || b.commandId() == null) {
        return Future.succeededFuture();
      }
      return outbox.get(b.commandId()).compose(cmd -> {
        if (cmd != null && (cmd.status() == CommandStatus.SENT || cmd.status() == CommandStatus.DEAD)) {
          return tell(b, Kind.SETTLED, null);
        }
        if (cmd == null) {
          // The turn that wrote the booking never committed its step (so no calendar call exists); once it has had
          // time to be retried the row is released, so it does not hold the slot.
          return b.updatedAt().plus(ORPHAN_AFTER).isBefore(now)
              ? bookings.update(b.with(BookingStatus.FAILED, null, "no calendar call: its turn never committed", now),
              BookingStatus.REQUESTED).mapEmpty() : Future.succeededFuture();
        }
        boolean slow = b.updatedAt().plusSeconds(tenant.booking().requestTimeoutSeconds()).isBefore(now);
        return slow ? tell(b, Kind.DELAYED, null) : Future.succeededFuture();
      });
    }));
  }

  private Future<Void> idleDialogues(Instant now) {
    int shortest = directory.tenants().stream().filter(t -> t.booking() != null)
        .mapToInt(t -> t.booking().timeoutMinutes()).min().orElse(0);
    if (shortest == 0) {
      return Future.succeededFuture();
    }
    return bookings.idleDialogues(now.minus(Duration.ofMinutes(shortest)), BATCH).compose(keys -> each(keys,
        key -> sessions.submit(new SessionCommand.BookingEvent(key, null, Kind.IDLE, null), "booking")
            .<Void>mapEmpty().recover(e -> Future.succeededFuture())));
  }

  private Future<Void> noShows(Instant now) {
    if (directory.tenants().stream().noneMatch(t -> t.booking() != null && t.booking().noShowAfterMinutes() > 0)) {
      return Future.succeededFuture();
    }
    return bookings.inStatus(BookingStatus.CONFIRMED, now, BATCH).compose(list -> each(list, b -> {
      TenantConfig tenant = tenant(b);
      if (tenant == null || tenant.booking().noShowAfterMinutes() == 0
          || b.end().plus(Duration.ofMinutes(tenant.booking().noShowAfterMinutes())).isAfter(now)) {
        return Future.succeededFuture();
      }
      return bookings.update(b.with(BookingStatus.NO_SHOW, null, null, now), BookingStatus.CONFIRMED)
          .compose(won -> won ? tell(b, Kind.NO_SHOW, null) : Future.succeededFuture());
    }));
  }

  private TenantConfig tenant(Booking b) {
    return directory.tenant(b.key().tenantId()).filter(t -> t.booking() != null).orElse(null);
  }

  /** Hands the event to the booking's conversation; a failure is left for the next poll. */
  private Future<Void> tell(Booking b, Kind kind, String ref) {
    return sessions.submit(new SessionCommand.BookingEvent(b.key(), b.id(), kind, ref), "booking").mapEmpty();
  }

  private static <T> Future<Void> each(List<T> items, Function<T, Future<Void>> action) {
    Future<Void> chain = Future.succeededFuture();
    for (T item : items) {
      chain = chain.compose(v -> action.apply(item).recover(e -> Future.succeededFuture()));
    }
    return chain;
  }
}
