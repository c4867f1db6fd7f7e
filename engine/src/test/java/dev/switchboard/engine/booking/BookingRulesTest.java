package dev.switchboard.engine.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.engine.event.ConversationKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dialogue as a pure function, with a fixed clock: Sunday 2026-12-06 10:00 in São Paulo. */
class BookingRulesTest {
  static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
  static final Instant NOW = LocalDate.of(2026, 12, 6).atTime(10, 0).atZone(ZONE).toInstant();
  static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
  final BookingTexts texts = new BookingTexts(ZONE, "Rua Vergueiro, 1200");
  final BookingRules rules = new BookingRules(texts, ZONE);
  final SlotOffer offer = new SlotOffer(ZONE, 3, Duration.ofMinutes(60));
  final SandboxSlots calendar = new SandboxSlots(ZONE, LocalTime.of(8, 0), LocalTime.of(18, 0), Duration.ofMinutes(30));

  private BookingRules.Decision say(BookingDialogue d, String text, String intent, LocalDate date, String period,
                                    String time) {
    return rules.next(d, new BookingRules.Said(text, intent, date, period, time), null, NOW);
  }

  @Test
  void scheduleWithDateAndPeriodGoesStraightToSlotsOfThatMorning() {
    var d = say(null, "quero agendar uma visita amanhã de manhã", "schedule", MONDAY, "morning", null);
    var find = assertInstanceOf(BookingRules.FindSlots.class, d);
    assertEquals(MONDAY, find.next().date());
    var reply = offer.offer(find.next(), calendar.free(MONDAY, MONDAY, Set.of()), texts, NOW);
    assertEquals(BookingDialogue.Stage.CHOOSING, reply.next().stage());
    assertEquals(3, reply.next().offered().size());
    assertTrue(reply.text().contains("1) 08:00") && reply.text().contains("3) 09:00"), reply.text());
    assertTrue(reply.text().startsWith("Tenho estes horários livres para segunda-feira, 07/12"), reply.text());
  }

  @Test
  void missingDateIsAskedThenKeptWithThePeriodSaidBefore() {
    var first = assertInstanceOf(BookingRules.Reply.class, say(null, "quero marcar à tarde", "schedule", null,
        "afternoon", null));
    assertTrue(first.text().contains("Para qual dia"));
    var second = assertInstanceOf(BookingRules.FindSlots.class, say(first.next(), "amanhã", "other", MONDAY, null,
        null));
    assertEquals("afternoon", second.next().period());
    var reply = offer.offer(second.next(), calendar.free(MONDAY, MONDAY, Set.of()), texts, NOW);
    assertTrue(reply.text().contains("1) 12:00"), reply.text());
  }

  @Test
  void aNamedTimeOffersTheNearestSlots() {
    var find = assertInstanceOf(BookingRules.FindSlots.class, say(null, "tem horário amanhã às 14h?", "schedule",
        MONDAY, null, "14:00"));
    var reply = offer.offer(find.next(), calendar.free(MONDAY, MONDAY, Set.of()), texts, NOW);
    assertEquals(List.of("13:30", "14:00", "14:30"), reply.next().offered().stream().map(s -> texts.time(s.start()))
        .toList());
  }

  @Test
  void pickByNumberBooksAndAnInvalidChoiceAsksAgain() {
    BookingDialogue choosing = choosing();
    var invalid = assertInstanceOf(BookingRules.Reply.class, say(choosing, "7", "other", null, null, null));
    assertTrue(invalid.text().contains("Não tenho a opção 7"), invalid.text());
    assertEquals(choosing, invalid.next());
    var book = assertInstanceOf(BookingRules.Book.class, say(choosing, "2", "other", null, null, null));
    assertEquals(choosing.offered().get(1), book.next().chosen());
    assertEquals(BookingDialogue.Stage.BOOKING, book.next().stage());
    var waiting = assertInstanceOf(BookingRules.Reply.class, say(book.next(), "mudei de ideia", "other", null, null,
        null));
    assertEquals(book.next(), waiting.next());
    assertTrue(waiting.text().startsWith("Ainda estou confirmando"), waiting.text());
  }

  @Test
  void changeOfMindEndsTheDialogueAndNoneFitsAsksAnotherDay() {
    var ended = assertInstanceOf(BookingRules.Reply.class, say(choosing(), "mudei de ideia", "other", null, null, null));
    assertNull(ended.next());
    var other = assertInstanceOf(BookingRules.Reply.class, say(choosing(), "nenhum", "other", null, null, null));
    assertEquals(BookingDialogue.Stage.ASK_DATE, other.next().stage());
    var newDay = assertInstanceOf(BookingRules.FindSlots.class, say(choosing(), "e na terça?", "other",
        MONDAY.plusDays(1), null, null));
    assertEquals(MONDAY.plusDays(1), newDay.next().date());
  }

  @Test
  void cancelAndRescheduleAskForConfirmationFirst() {
    var key = new ConversationKey("demo", "demo-webchat", "v1");
    Slot slot = choosing().offered().get(0);
    Booking booked = new Booking("b1", key, "sandbox", "u1", slot.start(), slot.end(), BookingStatus.CONFIRMED, "c1",
        null, null, NOW, NOW);
    var ask = assertInstanceOf(BookingRules.Reply.class, rules.next(null, new BookingRules.Said(
        "quero cancelar minha visita", "cancel", null, null, null), booked, NOW));
    assertTrue(ask.text().contains("Você quer cancelar a visita de segunda-feira, 07/12 às 08:00"), ask.text());
    assertEquals(new BookingRules.Cancel("b1"), rules.next(ask.next(), new BookingRules.Said("sim", "other", null,
        null, null), booked, NOW));
    var kept = assertInstanceOf(BookingRules.Reply.class, rules.next(ask.next(), new BookingRules.Said("não",
        "other", null, null, null), booked, NOW));
    assertNull(kept.next());

    var move = assertInstanceOf(BookingRules.FindSlots.class, rules.next(null, new BookingRules.Said(
        "preciso remarcar para terça", "schedule", MONDAY.plusDays(1), null, null), booked, NOW));
    assertEquals("b1", move.next().bookingId());
    var offered = offer.offer(move.next(), calendar.free(MONDAY.plusDays(1), MONDAY.plusDays(1), Set.of()), texts, NOW);
    var confirm = assertInstanceOf(BookingRules.Reply.class, rules.next(offered.next(), new BookingRules.Said("1",
        "other", null, null, null), booked, NOW));
    assertTrue(confirm.text().startsWith("Confirma a troca da visita"), confirm.text());
    assertInstanceOf(BookingRules.Move.class, rules.next(confirm.next(), new BookingRules.Said("sim, pode",
        "other", null, null, null), booked, NOW));
  }

  @Test
  void otherIntentsPassToTheNormalAnswerAndAQuestionOnTheSideKeepsTheOffer() {
    assertInstanceOf(BookingRules.Pass.class, say(null, "quanto custa?", "pricing", null, null, null));
    assertInstanceOf(BookingRules.Pass.class, say(choosing(), "quanto custa a visita?", "pricing", null, null, null));
    var asking = BookingDialogue.asking(null, "morning", null, null, NOW);
    assertInstanceOf(BookingRules.Pass.class, say(asking, "qual o valor?", "pricing", null, null, null));
    // Noise that is no question still gets the reminder of what to answer.
    assertInstanceOf(BookingRules.Reply.class, say(choosing(), "hmm", "other", null, null, null));
  }

  @Test
  void noFreeSlotAsksForAnotherDay() {
    var find = assertInstanceOf(BookingRules.FindSlots.class, say(null, "sábado", "schedule",
        LocalDate.of(2026, 12, 12), null, null));
    var reply = offer.offer(find.next(), calendar.free(find.next().date(), find.next().date(), Set.of()), texts, NOW);
    assertEquals(BookingDialogue.Stage.ASK_DATE, reply.next().stage());
    assertTrue(reply.text().startsWith("Não tenho horários livres em sábado, 12/12"), reply.text());
  }

  private BookingDialogue choosing() {
    var find = (BookingRules.FindSlots) say(null, "amanhã de manhã", "schedule", MONDAY, "morning", null);
    return offer.offer(find.next(), calendar.free(MONDAY, MONDAY, Set.of()), texts, NOW).next();
  }
}
