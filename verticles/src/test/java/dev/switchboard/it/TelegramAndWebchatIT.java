package dev.switchboard.it;

import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.event.ConversationKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Telegram sender against a local Bot API server, and the web chat over a real WebSocket. */
class TelegramAndWebchatIT {
  private static FakeProvider telegram;
  private static TestEngine t;

  @BeforeAll
  static void start() {
    telegram = new FakeProvider().start();
    telegram.respond(r -> new FakeProvider.Response(200, telegram.telegramOk()));
    t = new TestEngine(Map.of("TG_SENDER", "telegram", "PROVIDER_URL", telegram.url()));
  }

  @AfterAll
  static void stop() {
    t.close();
    telegram.close();
  }

  @Test
  void telegramMessageIsAnsweredThroughSendMessage() {
    var res = Await.of(t.client.post("/webhooks/tg").putHeader("X-Telegram-Bot-Api-Secret-Token",
        "tg_acceptance-Secret_42").sendBuffer(Buffer.buffer(TestEngine.fixture("inbound/telegram_message.json"))));
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(Await.until(() -> !telegram.received().isEmpty(), 15_000)).isTrue();
    var request = telegram.received().get(0);
    assertThat(request.path()).isEqualTo("/bot123456:test-bot-token/sendMessage");
    JsonObject body = new JsonObject(request.body());
    assertThat(body.getLong("chat_id")).isEqualTo(734512908L);
    // "orçamento" + "quando vocês podem vir" → schedule outranks pricing in the rules provider.
    assertThat(body.getString("text")).isIn("Qual dia você prefere?", "Instalação a partir de R$ 450,00.");
  }

  @Test
  void webchatVisitorGetsTheBotsAnswerOnTheSocket() {
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    WebSocketClient ws = t.outside.createWebSocketClient();
    var socket = Await.of(ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(t.port)
        .setURI("/webchat/chat?visitor=visitor-0001")));
    socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
    socket.writeTextMessage(new JsonObject().put("text", "Olá!").encode());
    assertThat(Await.until(() -> frames.stream().anyMatch(f -> "message".equals(f.getString("type"))), 15_000)).isTrue();
    assertThat(frames).anyMatch(f -> "ack".equals(f.getString("type")));
    assertThat(frames).filteredOn(f -> "message".equals(f.getString("type")))
        .extracting(f -> f.getString("text")).containsExactly("Olá! Como posso ajudar?");

    socket.writeTextMessage("not json");
    assertThat(Await.until(() -> frames.stream().anyMatch(f -> "error".equals(f.getString("type"))), 15_000)).isTrue();
    Await.of(socket.close());
  }

  /**
   * The visitor closes the page before the bot answers: the reply is not marked SENT (no open socket wrote it), it
   * waits, and when the visitor comes back it arrives with the conversation's history and is settled then.
   */
  @Test
  void aReplyToAVisitorWhoLeftWaitsAndComesWithTheHistory() {
    // A debounce window so the visitor is gone before the turn answers.
    try (TestEngine e = new TestEngine(Map.of("DEBOUNCE_MS", "1500"))) {
      visitorLeavesAndComesBack(e);
    }
  }

  private void visitorLeavesAndComesBack(TestEngine t) {
    WebSocketClient ws = t.outside.createWebSocketClient();
    var options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(t.port)
        .setURI("/webchat/chat?visitor=visitor-away-01");
    var first = Await.of(ws.connect(options));
    List<JsonObject> acks = new CopyOnWriteArrayList<>();
    first.textMessageHandler(text -> acks.add(new JsonObject(text)));
    first.writeTextMessage(new JsonObject().put("text", "quanto custa a instalação?").encode());
    assertThat(Await.until(() -> !acks.isEmpty(), 10_000)).isTrue();
    Await.of(first.close());
    var key = new ConversationKey("acme", "chat", "visitor-away-01");
    assertThat(Await.until(() -> reply(t, key) != null, 10_000)).as("the bot answered").isTrue();
    assertThat(Await.until(() -> reply(t, key).status() == CommandStatus.RETRY, 10_000))
        .as("not written to any socket: waiting, not SENT").isTrue();

    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    // The history is the socket's first frame: listen before connecting, as a browser's onmessage does.
    ClientWebSocket second = ws.webSocket();
    second.textMessageHandler(text -> frames.add(new JsonObject(text)));
    Await.of(second.connect(options));
    assertThat(Await.until(() -> frames.stream().anyMatch(f -> "history".equals(f.getString("type"))), 10_000))
        .isTrue();
    JsonObject history = frames.stream().filter(f -> "history".equals(f.getString("type"))).findFirst().orElseThrow();
    assertThat(history.getJsonArray("messages").stream().map(m -> ((JsonObject) m).getString("text")))
        .containsExactly("quanto custa a instalação?", "Instalação a partir de R$ 450,00.");
    assertThat(Await.until(() -> reply(t, key).status() == CommandStatus.SENT, 10_000)).as("settled by the history")
        .isTrue();
    Await.of(second.close());
  }

  private static OutboundCommand reply(TestEngine t, ConversationKey key) {
    return Await.of(t.engine.stores().outbox().list("acme", null, 100)).stream()
        .filter(c -> c.key().equals(key)).findFirst().orElse(null);
  }

  @Test
  void webchatRefusesBadVisitorIdsAndUnknownChannels() {
    var bad = Await.of(t.client.get("/webchat/chat?visitor=x").send());
    WebhookIngestIT.assertError(bad, 400, "bad_request");
    var unknown = Await.of(t.client.get("/webchat/wa?visitor=visitor-0001").send());
    WebhookIngestIT.assertError(unknown, 404, "unknown_channel");
  }

  @Test
  void demoPageIsServed() {
    var page = Await.of(t.client.get("/").send());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).contains("/webchat/demo-webchat");
  }
}
