package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.event.DeliveryStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A conversation end to end with the real WhatsApp sender against a local server playing the Graph API:
 * debounce, hand-off and hand-back, opt-out, and delivery statuses.
 */
class ConversationFlowIT {
  private static final long DEBOUNCE = 400;
  private static final AtomicInteger CONTACTS = new AtomicInteger(100);
  private static FakeProvider graph;
  private static TestEngine t;

  @BeforeAll
  static void start() {
    graph = new FakeProvider().start();
    t = new TestEngine(Map.of("DEBOUNCE_MS", String.valueOf(DEBOUNCE), "WA_SENDER", "whatsapp",
        "PROVIDER_URL", graph.url()));
  }

  @AfterAll
  static void stop() {
    t.close();
    graph.close();
  }

  private static String newContact() {
    return String.format("55119%08d", CONTACTS.incrementAndGet());
  }

  private static List<FakeProvider.Recorded> sentTo(String waId) {
    return graph.received().stream()
        .filter(r -> waId.equals(new JsonObject(r.body()).getString("to")))
        .toList();
  }

  private static void say(String from, String text) {
    String id = "wamid." + from + "." + System.nanoTime();
    assertThat(Await.of(t.whatsappText(from, id, text)).statusCode()).isEqualTo(200);
  }

  /** Waits past the debounce window and the reply path, then returns what the Graph API received for the contact. */
  private static List<FakeProvider.Recorded> settle(String waId, int expected) {
    Await.until(() -> sentTo(waId).size() >= expected, 15_000);
    sleep(DEBOUNCE + 400);
    return sentTo(waId);
  }

  /** A reaction is kept in the conversation and never answered. */
  @Test
  void aReactionIsKeptAndNotAnswered() {
    String from = newContact();
    say(from, "oi");
    assertThat(settle(from, 1)).hasSize(1);
    JsonObject reaction = WhatsAppPayloads.message(from, "wamid.react.2", "x").put("type", "reaction");
    reaction.remove("text");
    reaction.put("reaction", new JsonObject().put("message_id", "wamid.business.1").put("emoji", "\ud83d\udc4d"));
    byte[] body = WhatsAppPayloads.envelope(new JsonObject().put("messaging_product", "whatsapp")
        .put("metadata", new JsonObject().put("phone_number_id", "209715200054321"))
        .put("messages", new JsonArray().add(reaction)));
    assertThat(Await.of(t.postMeta("wa", body)).statusCode()).isEqualTo(200);
    String key = TestEngine.key("acme", "wa", "+" + from);
    assertThat(Await.until(() -> Await.of(t.adminGet("/admin/v1/conversations/" + key + "/messages"))
        .bodyAsString().contains("[reação \ud83d\udc4d]"), 10_000)).isTrue();
    // Processed (checked above); past the debounce window no answer follows.
    sleep(DEBOUNCE + 400);
    assertThat(sentTo(from)).hasSize(1);
  }

  @Test
  void replyReachesGraphApiWithPathTokenAndBody() {
    String from = newContact();
    say(from, "Olá, bom dia!");
    var sent = settle(from, 1);
    assertThat(sent).hasSize(1);
    var request = sent.get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v21.0/209715200054321/messages");
    assertThat(request.headers().get("Authorization")).isEqualTo("Bearer test-graph-token");
    JsonObject body = new JsonObject(request.body());
    assertThat(body.getString("messaging_product")).isEqualTo("whatsapp");
    assertThat(body.getString("type")).isEqualTo("text");
    assertThat(body.getJsonObject("text").getString("body")).isEqualTo("Olá! Como posso ajudar?");
  }

  @Test
  void threeMessagesInsideTheDebounceWindowGiveOneReply() {
    String from = newContact();
    say(from, "oi");
    say(from, "tudo bem?");
    say(from, "quanto custa a instalação?");
    var sent = settle(from, 1);
    assertThat(sent).hasSize(1);
    // The three messages were one turn: the answer is to the whole burst (pricing outranks greeting).
    assertThat(new JsonObject(sent.get(0).body()).getJsonObject("text").getString("body"))
        .isEqualTo("Instalação a partir de R$ 450,00.");
    var key = new ConversationKey("acme", "wa", "+" + from);
    assertThat(Await.of(t.engine.stores().conversations().messages(key, 10))).hasSize(4);
  }

  @Test
  void handoffSilencesTheBotUntilHandBack() {
    String from = newContact();
    say(from, "quero falar com um atendente");
    var sent = settle(from, 1);
    assertThat(sent).hasSize(1);
    assertThat(new JsonObject(sent.get(0).body()).getJsonObject("text").getString("body"))
        .isEqualTo("Vou chamar um atendente.");
    String key = TestEngine.key("acme", "wa", "+" + from);
    assertThat(state(key)).isEqualTo("HUMAN");

    say(from, "oi? alguém aí?");
    say(from, "quanto custa?");
    assertThat(settle(from, 1)).hasSize(1);

    var back = Await.of(t.adminPost("/admin/v1/conversations/" + key + "/handback", new JsonObject().put("agent", "ana")));
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.bodyAsJsonObject().getString("state")).isEqualTo("BOT");
    say(from, "obrigado");
    assertThat(settle(from, 2)).hasSize(2);

    var taken = Await.of(t.adminPost("/admin/v1/conversations/" + key + "/handoff", new JsonObject().put("agent", "ana")));
    assertThat(taken.bodyAsJsonObject().getString("state")).isEqualTo("HUMAN");
    say(from, "oi");
    assertThat(settle(from, 2)).hasSize(2);

    JsonArray audit = Await.of(t.adminGet("/admin/v1/conversations/" + key + "/audit")).bodyAsJsonObject()
        .getJsonArray("items");
    assertThat(audit.stream().map(o -> ((JsonObject) o).getString("trigger")))
        .containsExactly("HUMAN_REQUESTED", "AGENT_HANDBACK", "AGENT_TAKEOVER");
  }

  @Test
  void optOutStopsAutomatedMessages() {
    String from = newContact();
    say(from, "PARAR");
    var sent = settle(from, 1);
    assertThat(sent).hasSize(1);
    assertThat(new JsonObject(sent.get(0).body()).getJsonObject("text").getString("body"))
        .isEqualTo("Você não receberá mais mensagens automáticas.");
    say(from, "oi");
    assertThat(settle(from, 1)).hasSize(1);
  }

  @Test
  void unknownConversationHandoffIs404() {
    var res = Await.of(t.adminPost("/admin/v1/conversations/" + TestEngine.key("acme", "wa", "+5511000000000")
        + "/handoff", new JsonObject()));
    WebhookIngestIT.assertError(res, 404, "not_found");
  }

  @Test
  void deliveryStatusNeverRegresses() {
    String from = newContact();
    say(from, "oi");
    var sent = settle(from, 1);
    assertThat(sent).hasSize(1);
    var key = new ConversationKey("acme", "wa", "+" + from);
    assertThat(Await.until(() -> providerId(key) != null, 15_000)).isTrue();
    String wamid = providerId(key);
    for (String status : new String[] {"read", "delivered", "sent"}) {
      var value = new JsonObject().put("messaging_product", "whatsapp")
          .put("metadata", new JsonObject().put("phone_number_id", "209715200054321"))
          .put("statuses", new JsonArray().add(new JsonObject().put("id", wamid).put("status", status)
              .put("timestamp", String.valueOf(System.currentTimeMillis() / 1000)).put("recipient_id", from)));
      assertThat(Await.of(t.postMeta("wa", WhatsAppPayloads.envelope(value))).statusCode()).isEqualTo(200);
    }
    var command = Await.of(t.engine.stores().outbox().list("acme", null, 10_000)).stream()
        .filter(c -> wamid.equals(c.providerMessageId())).findFirst().orElseThrow();
    assertThat(command.delivery()).isEqualTo(DeliveryStatus.READ);
  }

  private static String providerId(ConversationKey key) {
    return Await.of(t.engine.stores().outbox().list("acme", null, 10_000)).stream()
        .filter(c -> c.key().equals(key) && c.providerMessageId() != null)
        .map(c -> c.providerMessageId()).findFirst().orElse(null);
  }

  private static String state(String key) {
    return Await.of(t.adminGet("/admin/v1/conversations?tenant=acme")).bodyAsJsonObject().getJsonArray("items")
        .stream().map(o -> (JsonObject) o)
        .filter(o -> o.getString("key").equals(URLDecoder.decode(key, StandardCharsets.UTF_8)))
        .map(o -> o.getString("state")).findFirst().orElse(null);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
