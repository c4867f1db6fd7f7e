package dev.switchboard.privacy;

import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.store.BookingStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The erase's rule for appointments not yet held: an erase anonymises the booking here, but the calendar (Cal.com)
 * still holds it under the customer's name, and nothing could cancel it any more (the uid goes, the chat is gone).
 * So an erase is refused (409) while the contact has a booking requested or confirmed whose slot has not ended: it is
 * cancelled first (by the customer in the chat, or by the business on the calendar, whose webhook updates the
 * booking), or the erase waits until the slot has passed. docs/privacy.md.
 */
final class UpcomingBookings {
  private UpcomingBookings() {
  }

  /** Succeeds when nothing is upcoming; fails with a conflict naming the bookings (ids and times only) otherwise. */
  static Future<ContactSubject> check(BookingStore bookings, ContactSubject subject, Instant now) {
    Future<List<Booking>> chain = Future.succeededFuture(new ArrayList<>());
    for (ConversationKey key : subject.candidateKeys()) {
      chain = chain.compose(found -> bookings.forConversation(key).map(list -> {
        list.stream().filter(b -> b.status().active() && b.end().isAfter(now)).forEach(found::add);
        return found;
      }));
    }
    return chain.compose(found -> found.isEmpty() ? Future.succeededFuture(subject)
        : Future.failedFuture(Failure.conflict("the contact has " + found.size() + " upcoming booking(s) ("
            + found.stream().sorted(Comparator.comparing(Booking::start)).map(b -> b.id() + " at " + b.start())
            .collect(Collectors.joining(", ")) + "): cancel them first (in the chat, or on the calendar), or erase "
            + "after the slot has passed; the calendar would otherwise keep the appointment with no way to cancel it")));
  }
}
