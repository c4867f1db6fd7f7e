package dev.switchboard.store;

import static dev.switchboard.store.PgTestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingDialogue;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.booking.Reminder;
import dev.switchboard.engine.booking.Slot;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.store.BookingStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every booking store must do: dialogues read back with their event, bookings by status CAS, reminders once. */
abstract class BookingStoreContract {
  private static final Instant T = Instant.parse("2026-12-07T12:00:00Z").truncatedTo(ChronoUnit.MILLIS);

  abstract BookingStore bookings();

  private static ConversationKey key() {
    return new ConversationKey("dental", "wa-dental", "+55119" + UUID.randomUUID().toString().substring(0, 8));
  }

  private static Booking booking(ConversationKey key, Instant start) {
    return new Booking("bk_" + UUID.randomUUID(), key, "calcom", null, start, start.plusSeconds(1800),
        BookingStatus.REQUESTED, "cmd-" + UUID.randomUUID(), "Maria", null, T, T);
  }

  @Test
  void aDialogueReadsBackWithThePreviousStateAndItsEvent() {
    ConversationKey key = key();
    assertThat(await(bookings().dialogue(key))).isNull();
    Slot slot = new Slot(T.plusSeconds(86_400), T.plusSeconds(88_200));
    var asking = BookingDialogue.asking(LocalDate.of(2026, 12, 8), "morning", null, null, T);
    var choosing = asking.offering(List.of(slot), T.plusSeconds(5));
    await(bookings().saveDialogue(key, choosing, asking, "evt-2"));
    var row = await(bookings().dialogue(key));
    assertThat(row.state()).isEqualTo(choosing);
    assertThat(row.previous()).isEqualTo(asking);
    assertThat(row.eventKey()).isEqualTo("evt-2");
    assertThat(await(bookings().idleDialogues(T.plusSeconds(6), 1000))).contains(key);
    assertThat(await(bookings().idleDialogues(T.plusSeconds(5), 1000))).doesNotContain(key);
    await(bookings().saveDialogue(key, null, choosing, "evt-3"));
    assertThat(await(bookings().dialogue(key)).state()).isNull();
    assertThat(await(bookings().idleDialogues(T.plusSeconds(60), 1000))).doesNotContain(key);
  }

  @Test
  void aBookingIsStoredOnceAndChangesOnlyFromTheExpectedStatus() {
    ConversationKey key = key();
    Booking b = booking(key, T.plusSeconds(3600));
    assertThat(await(bookings().insert(b))).isTrue();
    assertThat(await(bookings().insert(b))).isFalse();
    Booking confirmed = b.with(BookingStatus.CONFIRMED, "uid-" + b.id(), null, T.plusSeconds(1));
    assertThat(await(bookings().update(confirmed, BookingStatus.REQUESTED))).isTrue();
    assertThat(await(bookings().update(confirmed, BookingStatus.REQUESTED))).isFalse();
    assertThat(await(bookings().get(b.id()))).isEqualTo(confirmed);
    assertThat(await(bookings().byCommand(b.commandId()))).isEqualTo(confirmed);
    assertThat(await(bookings().byProviderUid("dental", "uid-" + b.id()))).isEqualTo(confirmed);
    assertThat(await(bookings().forConversation(key))).containsExactly(confirmed);
    assertThat(await(bookings().inStatus(BookingStatus.CONFIRMED, T.plusSeconds(2), 1000))).contains(confirmed);
    assertThat(await(bookings().list("dental", 1000))).contains(confirmed);
  }

  @Test
  void eachDueReminderIsClaimedOnceAndACancellationDropsTheRest() {
    Booking b = booking(key(), T.plusSeconds(2 * 86_400));
    await(bookings().insert(b));
    Reminder day = Reminder.of(b, 1440);
    Reminder hour = Reminder.of(b, 60);
    await(bookings().addReminders(List.of(day, hour)));
    await(bookings().addReminders(List.of(day)));
    assertThat(await(bookings().pendingReminders(b.id()))).containsExactly(day, hour);
    List<Future<List<Reminder>>> claims = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      claims.add(bookings().claimDueReminders(day.dueAt(), T, 100));
    }
    long claimedDay = claims.stream().flatMap(f -> await(f).stream()).filter(r -> r.id().equals(day.id())).count();
    assertThat(claimedDay).isEqualTo(1);
    // Claimed and never marked sent (the node died): taken again once the reclaim time is past.
    assertThat(await(bookings().claimDueReminders(day.dueAt(), day.dueAt().plusSeconds(1), 100)))
        .extracting(Reminder::id).contains(day.id());
    await(bookings().reminderSent(day.id()));
    assertThat(await(bookings().claimDueReminders(day.dueAt(), day.dueAt().plusSeconds(1), 100)))
        .extracting(Reminder::id).doesNotContain(day.id());
    await(bookings().cancelReminders(b.id()));
    assertThat(await(bookings().pendingReminders(b.id()))).isEmpty();
    assertThat(await(bookings().claimDueReminders(hour.dueAt(), T, 100))).extracting(Reminder::id)
        .doesNotContain(hour.id());
  }
}
