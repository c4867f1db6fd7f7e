package dev.switchboard.it;

import static dev.switchboard.it.BookingDialogueIT.ask;
import static dev.switchboard.it.BookingDialogueIT.bookings;
import static dev.switchboard.it.BookingDialogueIT.newContact;
import static dev.switchboard.it.BookingDialogueIT.replies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.booking.Reminder;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders 24 h and 1 h before a booking fire when the (test-moved) clock reaches them, as the approved template
 * outside WhatsApp's 24-hour window; a cancellation drops them and a move re-schedules them. One engine per test:
 * each moves time by days.
 */
class BookingRemindersIT {
  private MutableClock clock;
  private TestEngine t;

  @BeforeEach
  void start() {
    start(Map.of());
  }

  private void start(Map<String, String> placeholders) {
    clock = new MutableClock(BookingDialogueIT.MONDAY_9);
    t = new TestEngine(placeholders, clock);
  }

  private void restart(Map<String, String> placeholders) {
    t.close();
    start(placeholders);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private static Instant at(int day, int hour, int minute) {
    return LocalDateTime.of(2026, 12, day, hour, minute).atZone(BookingDialogueIT.SP).toInstant();
  }

  private void moveTo(Instant when) {
    clock.advance(Duration.between(clock.instant(), when));
  }

  /** Lets the booking verticle poll (it polls every second) at the current instant, then the replies so far. */
  private List<String> afterPolls(String from) {
    long until = System.currentTimeMillis() + 2_500;
    Await.until(() -> System.currentTimeMillis() > until, 5_000);
    return replies(t, from);
  }

  private Booking bookWednesdayAt10(String from) {
    ask(t, from, "quero agendar quarta às 10h", 1);
    ask(t, from, "o das 10h", 2);
    Await.until(() -> replies(t, from).size() >= 3, 10_000);
    Booking b = bookings(t, from).get(0);
    assertThat(b.start()).isEqualTo(at(9, 10, 0));
    return b;
  }

  private OutboundCommand reminderCommand(Booking b, int minutesBefore) {
    String id = OutboundCommand.forEvent("dental", "wa-dental", "booking/" + Reminder.of(b, minutesBefore).id(), 0);
    return Await.of(t.engine.stores().outbox().get(id));
  }

  @Test
  void remindersFireAtTheirInstantsAsATemplateOutsideTheWindow() {
    String from = newContact();
    Booking b = bookWednesdayAt10(from);
    moveTo(at(8, 9, 59));
    assertThat(afterPolls(from)).hasSize(3);
    moveTo(at(8, 10, 0));
    Await.until(() -> replies(t, from).size() >= 4, 10_000);
    // The customer last wrote on Monday at 09:00: 25 hours ago, so WhatsApp only takes the approved template.
    var template = (OutboundPayload.Template) reminderCommand(b, 1440).payload();
    assertThat(template.name()).isEqualTo("lembrete_consulta");
    assertThat(template.bodyParameters()).containsExactly("quarta-feira, 09/12", "10:00", "Av. Paulista, 1000");

    assertThat(ask(t, from, "ok, obrigado", 5)).isNotNull();
    moveTo(at(9, 8, 59));
    assertThat(afterPolls(from)).hasSize(5);
    moveTo(at(9, 9, 0));
    Await.until(() -> replies(t, from).size() >= 6, 10_000);
    assertThat(replies(t, from).get(5)).isEqualTo("Lembrete: sua visita é hoje às 10:00, em Av. Paulista, 1000. Para "
        + "remarcar ou cancelar, responda aqui.");
    assertThat(afterPolls(from)).hasSize(6);
  }

  @Test
  void aCancellationDropsTheReminders() {
    String from = newContact();
    Booking b = bookWednesdayAt10(from);
    ask(t, from, "quero cancelar a visita", 4);
    ask(t, from, "sim", 5);
    Await.until(() -> replies(t, from).size() >= 6, 10_000);
    assertThat(replies(t, from).get(5)).startsWith("Pronto, sua visita de quarta-feira, 09/12 às 10:00 foi cancelada.");
    assertThat(Await.of(t.engine.stores().bookings().pendingReminders(b.id()))).isEmpty();
    moveTo(at(9, 9, 30));
    assertThat(afterPolls(from)).hasSize(6);
  }

  @Test
  void aMoveReschedulesTheReminders() {
    String from = newContact();
    Booking b = bookWednesdayAt10(from);
    ask(t, from, "quero remarcar para sexta às 15h", 4);
    ask(t, from, "o das 15h", 5);
    ask(t, from, "sim", 6);
    Await.until(() -> replies(t, from).size() >= 7, 10_000);
    assertThat(replies(t, from).get(6)).startsWith("Pronto, sua visita foi remarcada para sexta-feira, 11/12 às 15:00");
    assertThat(Await.of(t.engine.stores().bookings().pendingReminders(b.id())).stream().map(Reminder::dueAt))
        .containsExactly(at(10, 15, 0), at(11, 14, 0));
    // Nothing at the old booking's instants.
    moveTo(at(9, 9, 30));
    assertThat(afterPolls(from)).hasSize(7);
  }

  @Test
  void withNoShowAfterMinutesAnUnattendedBookingBecomesANoShowAfterItsEnd() {
    restart(Map.of("DENTAL_NO_SHOW_MIN", "30"));
    String from = newContact();
    Booking b = bookWednesdayAt10(from);
    // Ends 10:30; 30 minutes later without an attendance signal it is a no-show.
    moveTo(at(9, 10, 59));
    afterPolls(from);
    assertThat(Await.of(t.engine.stores().bookings().get(b.id())).status()).isEqualTo(BookingStatus.CONFIRMED);
    moveTo(at(9, 11, 1));
    Await.until(() -> replies(t, from).stream().anyMatch(r -> r.startsWith("Sentimos sua falta")), 10_000);
    assertThat(Await.of(t.engine.stores().bookings().get(b.id())).status()).isEqualTo(BookingStatus.NO_SHOW);
    assertThat(afterPolls(from)).filteredOn(r -> r.startsWith("Sentimos sua falta")).hasSize(1);
  }

  @Test
  void withTheOpenAiProviderTheDialogueBooksWithoutTheModel() {
    // The model's endpoint does not answer: ordinary questions get the fallback, bookings do not need it.
    restart(Map.of("DENTAL_AI", "openai"));
    String from = newContact();
    assertThat(ask(t, from, "vocês aceitam cartão?", 1)).isEqualTo("Estamos com instabilidade.");
    assertThat(ask(t, from, "quero agendar amanhã de manhã", 2)).startsWith("Tenho estes horários livres para "
        + "terça-feira, 08/12:");
    ask(t, from, "1", 3);
    Await.until(() -> replies(t, from).size() >= 4, 10_000);
    assertThat(replies(t, from).get(3)).startsWith("Agendado! Sua visita fica para terça-feira, 08/12 às 08:00");
  }

  @Test
  void aBookingWhoseTurnNeverCommittedStopsHoldingItsSlot() {
    // As a turn leaves it when it wrote the booking and then failed for good before its step (and command) committed.
    Instant start = at(10, 9, 0);
    var key = new ConversationKey("dental", "wa-dental", "+5511900000001");
    Booking orphan = new Booking("bk_orphan", key, "calendar", null, start, start.plusSeconds(1800),
        BookingStatus.REQUESTED, "dental:dental-calendar/never-committed:0", null, null, clock.instant(),
        clock.instant());
    Await.of(t.engine.stores().bookings().insert(orphan));
    clock.advance(Duration.ofMinutes(9));
    afterPolls("5511900000001");
    assertThat(Await.of(t.engine.stores().bookings().get("bk_orphan")).status()).isEqualTo(BookingStatus.REQUESTED);
    clock.advance(Duration.ofMinutes(2));
    assertThat(Await.until(() -> Await.of(t.engine.stores().bookings().get("bk_orphan")).status()
        == BookingStatus.FAILED, 10_000)).isTrue();
    // Its slot is offered again.
    String from = newContact();
    assertThat(ask(t, from, "quero agendar quinta às 9h", 1)).contains(") 09:00");
  }
}
