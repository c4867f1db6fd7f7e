package dev.switchboard.outbound;

import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.outbound.SendResult;
import dev.switchboard.engine.outbound.calcom.CalcomResponses;
import dev.switchboard.engine.store.BookingStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;

/**
 * The sandbox calendar (integration type {@code calendar}): the engine's own bookings are the calendar. A booking
 * gets the slot unless another active booking of the tenant at the same start was requested first; moves and
 * cancellations always succeed. Answers like a provider would, so the dialogue runs the same path as with Cal.com.
 */
final class CalendarSender implements Sender {
  private static final int SCAN = 1000;
  private final BookingStore bookings;

  CalendarSender(BookingStore bookings) {
    this.bookings = bookings;
  }

  @Override
  public Future<SendResult> send(OutboundCommand command, Destination to) {
    if (command.payload() instanceof OutboundPayload.BookingMove move) {
      return Future.succeededFuture(new SendResult.Sent(move.uid(), null));
    }
    if (command.payload() instanceof OutboundPayload.BookingCancel cancel) {
      return Future.succeededFuture(new SendResult.Sent(cancel.uid(), null));
    }
    Instant start = Instant.parse(((OutboundPayload.Booking) command.payload()).start());
    return bookings.byCommand(command.id()).compose(mine -> bookings.list(command.key().tenantId(), SCAN)
        .map(all -> {
          // A confirmed booking holds the slot; among requests the first asked wins.
          Booking first = all.stream().filter(b -> b.start().equals(start) && b.status().active())
              .min(Comparator.comparing((Booking b) -> b.status() != BookingStatus.CONFIRMED)
                  .thenComparing(Booking::createdAt).thenComparing(Booking::id)).orElse(null);
          boolean taken = first != null && (mine == null || !first.id().equals(mine.id()));
          return taken ? new SendResult.Permanent(CalcomResponses.SLOT_TAKEN)
              : new SendResult.Sent("sbx-" + (mine != null ? mine.id().hashCode() & 0x7fffffff : command.id()
              .hashCode() & 0x7fffffff), null);
        }));
  }
}
