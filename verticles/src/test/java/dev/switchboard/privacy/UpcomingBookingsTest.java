package dev.switchboard.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.bus.FailureCode;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.privacy.ContactRef;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.store.memory.MemoryBookingStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The erase's rule for appointments: refused only while one of the contact's bookings still holds a slot ahead. */
class UpcomingBookingsTest {
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static final ConversationKey MINE = new ConversationKey("dental", "wa-dental", "+5511955501234");
  private static final ContactSubject SUBJECT = ContactSubject.of(new ContactRef("dental", "5511955501234"), List.of(),
      Set.of("wa-dental"));

  private static Booking booking(String id, ConversationKey key, BookingStatus status, Duration startsIn) {
    return new Booking(id, key, "calendar", null, NOW.plus(startsIn), NOW.plus(startsIn).plusSeconds(1800), status,
        null, "Rosa", null, NOW, NOW);
  }

  private static Future<ContactSubject> check(ContactSubject subject, Booking... bookings) {
    MemoryBookingStore store = new MemoryBookingStore();
    for (Booking b : bookings) {
      store.insert(b);
    }
    return UpcomingBookings.check(store, subject, NOW);
  }

  @Test
  void endedCancelledAndOtherContactsBookingsDoNotBlock() {
    assertThat(check(SUBJECT, booking("past", MINE, BookingStatus.CONFIRMED, Duration.ofHours(-2)),
        booking("cancelled", MINE, BookingStatus.CANCELLED, Duration.ofDays(1)),
        booking("failed", MINE, BookingStatus.FAILED, Duration.ofDays(1)),
        booking("theirs", new ConversationKey("dental", "wa-dental", "+5511955509999"), BookingStatus.CONFIRMED,
            Duration.ofDays(1))).succeeded()).isTrue();
  }

  @Test
  void aRequestedConfirmedOrRunningBookingBlocksWithAConflictNamingIt() {
    for (Booking b : List.of(booking("bk_req", MINE, BookingStatus.REQUESTED, Duration.ofDays(1)),
        booking("bk_conf", MINE, BookingStatus.CONFIRMED, Duration.ofDays(1)),
        booking("bk_now", MINE, BookingStatus.CONFIRMED, Duration.ofMinutes(-10)))) {
      Future<ContactSubject> checked = check(SUBJECT, b);
      assertThat(checked.failed()).as(b.id()).isTrue();
      assertThat(((Failure) checked.cause()).code()).isEqualTo(FailureCode.CONFLICT);
      assertThat(checked.cause().getMessage()).contains(b.id(), b.start().toString()).doesNotContain("5511955501234");
    }
  }

  @Test
  void aBookingOnAnotherChannelOfTheTenantUnderTheSameIdBlocks() {
    ContactSubject both = ContactSubject.of(SUBJECT.ref(), List.of(), Set.of("wa-dental", "chat-dental"));
    Booking onChat = booking("bk_chat", new ConversationKey("dental", "chat-dental", "+5511955501234"),
        BookingStatus.CONFIRMED, Duration.ofDays(2));
    assertThat(check(both, onChat).failed()).isTrue();
    assertThat(check(SUBJECT, onChat).succeeded()).as("a channel the tenant does not have").isTrue();
  }
}
