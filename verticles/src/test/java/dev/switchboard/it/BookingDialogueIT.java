package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.outbound.SandboxLog;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The booking dialogue in Portuguese over WhatsApp webhooks, on the sandbox calendar, with a clock the test moves:
 * it is Monday 2026-12-07 09:00 in São Paulo when each conversation starts.
 */
class BookingDialogueIT {
  static final ZoneId SP = ZoneId.of("America/Sao_Paulo");
  static final Instant MONDAY_9 = LocalDateTime.of(2026, 12, 7, 9, 0).atZone(SP).toInstant();
  private static final AtomicInteger CONTACTS = new AtomicInteger(700);
  private static MutableClock clock;
  private static TestEngine t;

  @BeforeAll
  static void start() {
    clock = new MutableClock(MONDAY_9);
    t = new TestEngine(Map.of(), clock);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static String newContact() {
    return String.format("55119%08d", CONTACTS.incrementAndGet());
  }

  static void say(TestEngine t, String from, String text) {
    String id = "wamid." + from + "." + System.nanoTime();
    assertThat(Await.of(t.postMeta("wa-dental", WhatsAppPayloads.text(from, id, text))).statusCode()).isEqualTo(200);
  }

  static List<String> replies(TestEngine t, String from) {
    // Newest first in the log; the clock may stand still, so the log's order is the order.
    List<String> newestFirst = t.engine.sandbox().list("dental", 1000).stream().filter(e -> e.recipient().equals(from))
        .map(SandboxLog.Entry::text).collect(Collectors.toList());
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  /** Says {@code text} and waits for the bot's {@code n}-th reply to this contact; returns it. */
  static String ask(TestEngine t, String from, String text, int n) {
    say(t, from, text);
    Await.until(() -> replies(t, from).size() >= n, 10_000);
    return replies(t, from).get(n - 1);
  }

  static ConversationKey key(String from) {
    return new ConversationKey("dental", "wa-dental", "+" + from);
  }

  static List<Booking> bookings(TestEngine t, String from) {
    return Await.of(t.engine.stores().bookings().forConversation(key(from)));
  }

  static List<String> triggers(TestEngine t, String from) {
    JsonObject audit = Await.of(t.adminGet("/admin/v1/conversations/" + TestEngine.key("dental", "wa-dental", "+"
        + from) + "/audit")).bodyAsJsonObject();
    return audit.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("trigger")).toList();
  }

  @Test
  void fullBookingFromDateAndPeriodToConfirmationPickedByNumber() {
    String from = newContact();
    String offer = ask(t, from, "quero agendar uma visita amanhã de manhã", 1);
    assertThat(offer).startsWith("Tenho estes horários livres para terça-feira, 08/12:")
        .contains("1) 08:00", "2) 08:30", "3) 09:00");
    assertThat(ask(t, from, "1", 2)).startsWith("Perfeito! Estou reservando terça-feira, 08/12 às 08:00");
    assertThat(Await.until(() -> replies(t, from).size() >= 3, 10_000)).isTrue();
    assertThat(replies(t, from).get(2)).isEqualTo("Agendado! Sua visita fica para terça-feira, 08/12 às 08:00, em "
        + "Av. Paulista, 1000. Você vai receber lembretes antes. Para remarcar ou cancelar, é só me dizer.");
    Booking b = bookings(t, from).get(0);
    assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
    assertThat(b.start()).isEqualTo(LocalDateTime.of(2026, 12, 8, 8, 0).atZone(SP).toInstant());
    assertThat(triggers(t, from)).containsSubsequence("BOOKING_OFFERED", "BOOKING_REQUESTED", "BOOKING_CONFIRMED");
  }

  @Test
  void aMissingDateIsAskedAndASlotIsPickedByItsTime() {
    String from = newContact();
    assertThat(ask(t, from, "quero marcar uma consulta à tarde", 1)).startsWith("Claro! Para qual dia você prefere?");
    String offer = ask(t, from, "quinta", 2);
    assertThat(offer).startsWith("Tenho estes horários livres para quinta-feira, 10/12:").contains("1) 12:00");
    ask(t, from, "pode ser às 13h", 3);
    Await.until(() -> replies(t, from).size() >= 4, 10_000);
    assertThat(replies(t, from).get(3)).startsWith("Agendado! Sua visita fica para quinta-feira, 10/12 às 13:00");
  }

  @Test
  void anInvalidChoiceIsAskedAgainAndAChangeOfMindEndsTheDialogue() {
    String from = newContact();
    ask(t, from, "tem horário na sexta de manhã?", 1);
    assertThat(ask(t, from, "9", 2)).startsWith("Não tenho a opção 9 entre os horários oferecidos.");
    assertThat(ask(t, from, "às 11h", 3)).startsWith("Não tenho 11:00 entre os horários oferecidos.");
    assertThat(ask(t, from, "mudei de ideia", 4)).isEqualTo("Tudo bem, deixei o agendamento de lado. Quando quiser "
        + "marcar, é só me chamar!");
    // The dialogue is over: a number is just a message now.
    assertThat(ask(t, from, "1", 5)).isEqualTo("Não entendi.");
    assertThat(bookings(t, from)).isEmpty();
    assertThat(triggers(t, from)).contains("BOOKING_ENDED");
  }

  @Test
  void aPersonTakingOverPausesTheDialogueWhichResumesAfterHandBack() {
    String from = newContact();
    ask(t, from, "quero agendar para quarta à tarde", 1);
    String path = "/admin/v1/conversations/" + TestEngine.key("dental", "wa-dental", "+" + from);
    assertThat(Await.of(t.adminPost(path + "/handoff", new JsonObject())).statusCode()).isEqualTo(200);
    say(t, from, "2");
    Await.until(() -> Await.of(t.adminGet(path + "/messages")).bodyAsString().contains("\"text\":\"2\""), 10_000);
    assertThat(replies(t, from)).hasSize(1);
    assertThat(bookings(t, from)).isEmpty();
    assertThat(Await.of(t.adminPost(path + "/handback", new JsonObject())).statusCode()).isEqualTo(200);
    assertThat(ask(t, from, "2", 2)).startsWith("Perfeito! Estou reservando quarta-feira, 09/12 às 12:30");
  }

  @Test
  void silenceAbandonsTheDialoguePolitely() {
    String from = newContact();
    String other = newContact();
    ask(t, from, "quero agendar uma visita na sexta", 1);
    ask(t, other, "quero agendar uma visita na sexta", 1);
    // Both dialogues went quiet at the same instant of the (standing) clock: each is abandoned with its own message.
    clock.advance(Duration.ofMinutes(21));
    Await.until(() -> replies(t, from).size() >= 2, 10_000);
    assertThat(replies(t, from).get(1)).isEqualTo("Como não tive resposta, deixei o agendamento de lado por "
        + "enquanto. Quando quiser marcar, é só me chamar!");
    Await.until(() -> replies(t, other).size() >= 2, 10_000);
    assertThat(replies(t, other).get(1)).startsWith("Como não tive resposta");
    assertThat(triggers(t, from)).contains("BOOKING_ENDED");
  }

  @Test
  void aSlotTakenBetweenOfferAndBookingGetsANewOffer() {
    String first = newContact();
    String second = newContact();
    assertThat(ask(t, first, "quero agendar dia 14 às 10h", 1)).contains("2) 10:00");
    assertThat(ask(t, second, "quero agendar dia 14 às 10h", 1)).contains("2) 10:00");
    ask(t, first, "2", 2);
    Await.until(() -> replies(t, first).size() >= 3, 10_000);
    ask(t, second, "o das 10h", 2);
    Await.until(() -> replies(t, second).size() >= 3, 10_000);
    assertThat(replies(t, second).get(2)).startsWith("Esse horário acabou de ser ocupado, desculpe. Tenho estes "
        + "horários livres para segunda-feira, 14/12:").doesNotContain(") 10:00");
    assertThat(bookings(t, second).get(0).status()).isEqualTo(BookingStatus.FAILED);
    assertThat(ask(t, second, "1", 4)).startsWith("Perfeito! Estou reservando segunda-feira, 14/12 às 09:00");
  }

  @Test
  void aNoShowMarkedByAnOperatorOffersANewSlotOnce() {
    String from = newContact();
    ask(t, from, "quero agendar dia 15 às 16h", 1);
    ask(t, from, "o das 16h", 2);
    Await.until(() -> replies(t, from).size() >= 3, 10_000);
    String id = bookings(t, from).get(0).id();
    var marked = Await.of(t.adminPost("/admin/v1/bookings/" + id + "/no-show", new JsonObject()));
    assertThat(marked.statusCode()).isEqualTo(200);
    assertThat(marked.bodyAsJsonObject().getString("status")).isEqualTo("NO_SHOW");
    Await.until(() -> replies(t, from).size() >= 4, 10_000);
    assertThat(replies(t, from).get(3)).isEqualTo("Sentimos sua falta na visita de terça-feira, 15/12 às 16:00. Quer "
        + "marcar um novo horário? É só me dizer o dia.");
    assertThat(Await.of(t.adminPost("/admin/v1/bookings/" + id + "/no-show", new JsonObject())).statusCode())
        .isEqualTo(409);
    assertThat(Await.of(t.adminPost("/admin/v1/bookings/" + id + "/attended", new JsonObject())).statusCode())
        .isEqualTo(409);
    assertThat(Await.of(t.adminGet("/admin/v1/bookings?tenant=dental")).bodyAsString()).contains(id);
    assertThat(Await.of(t.adminGet("/admin/v1/bookings/nope")).statusCode()).isEqualTo(404);
    assertThat(ask(t, from, "quero marcar de novo, quarta de manhã", 5)).startsWith("Tenho estes horários livres para "
        + "quarta-feira, 09/12:");
    assertThat(replies(t, from)).filteredOn(r -> r.startsWith("Sentimos sua falta")).hasSize(1);
  }

  @Test
  void anErasureRequestMidDialogueHandsOffToAPersonWithTheFlag() {
    String from = newContact();
    ask(t, from, "quero agendar amanhã à tarde", 1);
    assertThat(ask(t, from, "na verdade quero que apaguem meus dados", 2)).isEqualTo("Recebemos seu pedido para "
        + "apagar seus dados. Uma pessoa da equipe vai cuidar disso e confirmar com você por aqui.");
    JsonObject flagged = Await.of(t.adminGet("/admin/v1/conversations?tenant=dental&flagged=true")).bodyAsJsonObject();
    JsonObject mine = flagged.getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(c -> c.encode().contains(from)).findFirst().orElseThrow();
    assertThat(mine.getString("flag")).isEqualTo("data-erasure-requested");
    assertThat(mine.getString("state")).isEqualTo("HUMAN");
    assertThat(triggers(t, from)).containsSubsequence("BOOKING_OFFERED", "ERASURE_REQUESTED", "HUMAN_REQUESTED");
    // With a person now: the bot says nothing more, the dialogue waits.
    say(t, from, "1");
    String path = "/admin/v1/conversations/" + TestEngine.key("dental", "wa-dental", "+" + from) + "/messages";
    Await.until(() -> Await.of(t.adminGet(path)).bodyAsString().contains("\"text\":\"1\""), 10_000);
    assertThat(replies(t, from)).hasSize(2);
    assertThat(bookings(t, from)).isEmpty();
    // Handed back before the erasure was run: the bot answers again, the flag stays for the operator.
    String conv = "/admin/v1/conversations/" + TestEngine.key("dental", "wa-dental", "+" + from);
    assertThat(Await.of(t.adminPost(conv + "/handback", new JsonObject())).statusCode()).isEqualTo(200);
    assertThat(ask(t, from, "quanto custa a consulta?", 3)).isEqualTo("A consulta custa R$ 200,00.");
    JsonObject after = Await.of(t.adminGet("/admin/v1/conversations?tenant=dental&flagged=true")).bodyAsJsonObject();
    assertThat(after.getJsonArray("items").stream().map(o -> (JsonObject) o).filter(c -> c.encode().contains(from))
        .findFirst().orElseThrow().getString("flag")).isEqualTo("data-erasure-requested");
  }
}
