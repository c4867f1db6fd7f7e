package dev.switchboard.it;

import static dev.switchboard.it.BookingDialogueIT.ask;
import static dev.switchboard.it.BookingDialogueIT.bookings;
import static dev.switchboard.it.BookingDialogueIT.newContact;
import static dev.switchboard.it.BookingDialogueIT.replies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.channel.CalcomSignature;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The booking dialogue against a local Cal.com v2 simulator: slots, booking, reschedule and cancel through the outbox;
 * a slot taken between offer and booking, 5xx and lost responses, a slow calendar. Monday 2026-12-07 09:00 in São Paulo.
 */
class CalcomBookingIT {
  private static CalcomSimulator cal;
  private static MutableClock clock;
  private static TestEngine t;

  @BeforeAll
  static void start() {
    cal = new CalcomSimulator().start();
    clock = new MutableClock(BookingDialogueIT.MONDAY_9);
    t = new TestEngine(Map.of("DENTAL_CALENDAR", "calcom", "CALCOM_URL", cal.url(), "MAX_ATTEMPTS", "60",
        "BREAKER_FAILURES", "1000"), clock);
  }

  @AfterAll
  static void stop() {
    t.close();
    cal.close();
  }

  /** Waits for the n-th reply, moving the clock on so that the outbox's retries (backoff on this clock) fall due. */
  private static void awaitReply(String from, int n) {
    Await.until(() -> {
      clock.advance(Duration.ofMillis(500));
      return replies(t, from).size() >= n;
    }, 15_000);
  }

  private static JsonObject onlyBookingAt(int day, int hour, int minute) {
    String start = LocalDateTime.of(2026, 12, day, hour, minute).atZone(BookingDialogueIT.SP).toInstant().toString();
    var found = cal.accepted().stream().filter(b -> b.getString("start").equals(start)).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void slotsComeFromCalcomAndTheBookingCarriesItsCommandId() {
    String from = newContact();
    assertThat(ask(t, from, "quero agendar amanhã de manhã", 1)).contains("1) 09:00", "2) 09:30", "3) 10:00");
    ask(t, from, "2", 2);
    Await.until(() -> replies(t, from).size() >= 3, 10_000);
    assertThat(replies(t, from).get(2)).startsWith("Agendado! Sua visita fica para terça-feira, 08/12 às 09:30");
    JsonObject booked = onlyBookingAt(8, 9, 30);
    var b = bookings(t, from).get(0);
    assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
    assertThat(b.providerUid()).isEqualTo(booked.getString("uid"));
    assertThat(booked.getJsonObject("metadata").getString("switchboardCommand")).isEqualTo(b.commandId());
  }

  @Test
  void aSlotTakenOnCalcomAfterTheOfferGetsANewOffer() {
    String from = newContact();
    assertThat(ask(t, from, "tem horário quarta às 10h?", 1)).contains("2) 10:00");
    cal.takeElsewhere(LocalDateTime.of(2026, 12, 9, 10, 0).atZone(BookingDialogueIT.SP).toInstant());
    ask(t, from, "2", 2);
    Await.until(() -> replies(t, from).size() >= 3, 10_000);
    assertThat(replies(t, from).get(2)).startsWith("Esse horário acabou de ser ocupado, desculpe.")
        .contains("2) 09:30", "3) 10:30").doesNotContain(") 10:00");
    assertThat(bookings(t, from).get(0).status()).isEqualTo(BookingStatus.FAILED);
  }

  @Test
  void serverErrorsAreRetriedAndBookOnce() {
    String from = newContact();
    ask(t, from, "quero agendar quinta de manhã", 1);
    cal.failBookings.set(2);
    ask(t, from, "1", 2);
    awaitReply(from, 3);
    assertThat(replies(t, from).get(2)).startsWith("Agendado! Sua visita fica para quinta-feira, 10/12 às 09:00");
    onlyBookingAt(10, 9, 0);
  }

  @Test
  void aResponseLostAfterCalcomBookedIsNotBookedAgain() {
    String from = newContact();
    ask(t, from, "quero agendar sexta de manhã", 1);
    int calls = cal.bookingCalls.get();
    cal.bookThenFail.set(1);
    ask(t, from, "1", 2);
    awaitReply(from, 3);
    assertThat(replies(t, from).get(2)).startsWith("Agendado! Sua visita fica para sexta-feira, 11/12 às 09:00");
    // The retry found the booking by its metadata instead of posting again.
    assertThat(cal.bookingCalls.get() - calls).isEqualTo(1);
    assertThat(bookings(t, from).get(0).providerUid()).isEqualTo(onlyBookingAt(11, 9, 0).getString("uid"));
  }

  @Test
  void slotsUnavailableAreSaidAndTriedAgainWithTheNextMessage() {
    String from = newContact();
    cal.failSlots.set(1);
    assertThat(ask(t, from, "quero agendar segunda dia 14 de manhã", 1)).startsWith("Não consegui consultar a agenda "
        + "agora.");
    assertThat(ask(t, from, "pode tentar de novo?", 2)).startsWith("Tenho estes horários livres para segunda-feira, "
        + "14/12:");
  }

  @Test
  void aSlowCalendarIsSaidOnceAndTheBookingStillConfirms() {
    String from = newContact();
    ask(t, from, "quero agendar dia 17 às 15h", 1);
    cal.failAllBookings = true;
    try {
      ask(t, from, "1", 2);
      clock.advance(Duration.ofSeconds(61));
      Await.until(() -> replies(t, from).size() >= 3, 10_000);
      assertThat(replies(t, from).get(2)).startsWith("A agenda está demorando para responder.");
    } finally {
      cal.failAllBookings = false;
    }
    awaitReply(from, 4);
    assertThat(replies(t, from).get(3)).startsWith("Agendado! Sua visita fica para quinta-feira, 17/12 às 14:30");
    assertThat(replies(t, from)).filteredOn(r -> r.startsWith("A agenda está demorando")).hasSize(1);
  }

  @Test
  void rescheduleAndCancelFromTheChatAskForConfirmationFirst() {
    String from = newContact();
    ask(t, from, "quero agendar dia 15 às 11h", 1);
    ask(t, from, "o das 11h", 2);
    Await.until(() -> replies(t, from).size() >= 3, 10_000);
    String firstUid = onlyBookingAt(15, 11, 0).getString("uid");
    assertThat(ask(t, from, "preciso remarcar para o dia 16 à tarde", 4)).startsWith("Tenho estes horários livres "
        + "para quarta-feira, 16/12:").contains("1) 12:00");
    assertThat(ask(t, from, "1", 5)).isEqualTo("Confirma a troca da visita de terça-feira, 15/12 às 11:00 para "
        + "quarta-feira, 16/12 às 12:00? Responda sim ou não.");
    assertThat(ask(t, from, "sim", 6)).startsWith("Certo! Estou remarcando");
    Await.until(() -> replies(t, from).size() >= 7, 10_000);
    assertThat(replies(t, from).get(6)).startsWith("Pronto, sua visita foi remarcada para quarta-feira, 16/12 às 12:00");
    assertThat(cal.bookings.get(firstUid).getString("rescheduledToUid")).isEqualTo(onlyBookingAt(16, 12, 0)
        .getString("uid"));

    assertThat(ask(t, from, "quero cancelar a consulta", 8)).isEqualTo("Você quer cancelar a visita de quarta-feira, "
        + "16/12 às 12:00? Responda sim ou não.");
    assertThat(ask(t, from, "sim", 9)).startsWith("Certo! Estou cancelando");
    Await.until(() -> replies(t, from).size() >= 10, 10_000);
    assertThat(replies(t, from).get(9)).startsWith("Pronto, sua visita de quarta-feira, 16/12 às 12:00 foi cancelada.");
    assertThat(bookings(t, from).get(0).status()).isEqualTo(BookingStatus.CANCELLED);
    assertThat(cal.accepted()).noneMatch(b -> b.getString("start").startsWith("2026-12-16T15:00"));
  }

  private static int webhook(String integration, String body, String signature) {
    var request = t.client.post("/webhooks/calcom/" + integration).putHeader("Content-Type", "application/json");
    if (signature != null) {
      request.putHeader("X-Cal-Signature-256", signature);
    }
    return Await.of(request.sendBuffer(Buffer.buffer(body))).statusCode();
  }

  private static String signed(String body) {
    return CalcomSignature.sign("cal-webhook-secret-dental", body.getBytes(StandardCharsets.UTF_8));
  }

  private static String event(String trigger, String uid, String extra, String start, String phone) {
    Instant at = Instant.parse(start);
    return new JsonObject().put("triggerEvent", trigger).put("createdAt", "2026-12-07T12:00:00Z")
        .put("payload", new JsonObject(extra).put("uid", uid).put("startTime", at.toString())
            .put("endTime", at.plusSeconds(1800).toString()).put("attendees", new JsonArray().add(new JsonObject()
                .put("name", "Maria").put("email", "maria@example.com").put("phoneNumber", phone).put("noShow",
                    trigger.equals("BOOKING_NO_SHOW_UPDATED"))))).encode();
  }

  @Test
  void calcomWebhooksKeepBookingsMadeElsewhereKnown() {
    String contact = newContact();
    String created = event("BOOKING_CREATED", "ext-w1", "{}", "2026-12-18T13:00:00Z", "+" + contact);
    assertThat(webhook("dental-calendar", created, null)).isEqualTo(401);
    assertThat(webhook("dental-calendar", created, signed(created + " "))).isEqualTo(401);
    assertThat(webhook("nope", created, signed(created))).isEqualTo(404);
    assertThat(webhook("dental-calendar", "{\"triggerEvent\":1}", signed("{\"triggerEvent\":1}"))).isEqualTo(400);
    assertThat(webhook("dental-calendar", created, signed(created))).isEqualTo(200);
    assertThat(webhook("dental-calendar", created, signed(created))).isEqualTo(200);
    var b = bookings(t, contact);
    assertThat(b).hasSize(1);
    assertThat(b.get(0).status()).isEqualTo(BookingStatus.CONFIRMED);
    assertThat(b.get(0).providerUid()).isEqualTo("ext-w1");
    var reminders = t.engine.stores().bookings();
    assertThat(Await.of(reminders.pendingReminders(b.get(0).id())).stream().map(r -> r.dueAt().toString()))
        .containsExactly("2026-12-17T13:00:00Z", "2026-12-18T12:00:00Z");

    String moved = event("BOOKING_RESCHEDULED", "ext-w2", "{\"rescheduleUid\":\"ext-w1\"}", "2026-12-21T13:00:00Z",
        "+" + contact);
    assertThat(webhook("dental-calendar", moved, signed(moved))).isEqualTo(200);
    var after = bookings(t, contact).get(0);
    assertThat(after.providerUid()).isEqualTo("ext-w2");
    assertThat(after.start()).isEqualTo(Instant.parse("2026-12-21T13:00:00Z"));
    assertThat(Await.of(reminders.pendingReminders(after.id())).stream().map(r -> r.dueAt().toString()))
        .containsExactly("2026-12-20T13:00:00Z", "2026-12-21T12:00:00Z");

    String noShow = event("BOOKING_NO_SHOW_UPDATED", "ext-w2", "{}", "2026-12-21T13:00:00Z", "+" + contact);
    assertThat(webhook("dental-calendar", noShow, signed(noShow))).isEqualTo(200);
    assertThat(bookings(t, contact).get(0).status()).isEqualTo(BookingStatus.NO_SHOW);
    assertThat(Await.of(reminders.pendingReminders(after.id()))).isEmpty();

    String other = event("BOOKING_CREATED", "ext-w3", "{}", "2026-12-22T13:00:00Z", "+" + contact);
    assertThat(webhook("dental-calendar", other, signed(other))).isEqualTo(200);
    String cancelled = event("BOOKING_CANCELLED", "ext-w3", "{}", "2026-12-22T13:00:00Z", "+" + contact);
    assertThat(webhook("dental-calendar", cancelled, signed(cancelled))).isEqualTo(200);
    var third = bookings(t, contact).stream().filter(x -> "ext-w3".equals(x.providerUid())).findFirst().orElseThrow();
    assertThat(third.status()).isEqualTo(BookingStatus.CANCELLED);
    assertThat(Await.of(reminders.pendingReminders(third.id()))).isEmpty();
  }
}
