package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One person's data put everywhere the engine keeps some, through the real edges: WhatsApp on two channels (one
 * answered through the sandbox, one whose provider refuses the reply: a dead letter), the web chat, an action to an
 * integration that keeps failing (a command still pending), a follow-up schedule's message, and a second tenant.
 */
final class PrivacyScenario {
  static final String PHONE = "5511987651234";
  static final String E164 = "+" + PHONE;
  static final String NAME = "Zuleica Quintanilha";
  static final String VISITOR = "visitor-zuleica-7781";
  static final String TEXT_WA = "quero orçamento para o sobrado da rua Tamboril 77";
  static final String TEXT_WA2 = "a jabuticabeira caiu no telhado";
  static final String TEXT_CHAT = "sou a Zuleica, tenho alergia a dipirona";
  static final String TEXT_CLINIC = "oi, aqui é a Zuleica Quintanilha";
  static final String FOLLOW_UP = "Ainda posso ajudar? É só responder.";
  /** What must not survive an erase: the number (its local part is in every writing of it), name and texts. */
  static final List<String> NEEDLES = List.of("987651234", "Zuleica", "Quintanilha", "Tamboril", "jabuticabeira",
      "dipirona", VISITOR);

  private final TestEngine t;
  private final MutableClock clock;
  private final AtomicInteger ids = new AtomicInteger();

  PrivacyScenario(TestEngine t, MutableClock clock) {
    this.t = t;
    this.clock = clock;
  }

  /** The provider API: WhatsApp refuses every reply for good, the integration's endpoint is always unavailable. */
  static FakeProvider provider() {
    FakeProvider graph = new FakeProvider().start();
    graph.respond(r -> r.path().contains("/hook") ? new FakeProvider.Response(503, "{}")
        : new FakeProvider.Response(400, "{\"error\":{\"message\":\"(#131047) Re-engagement message\","
            + "\"type\":\"OAuthException\",\"code\":131047}}"));
    return graph;
  }

  void createEverything() {
    whatsapp("wa", TEXT_WA);
    assertThat(Await.until(() -> sandboxTo("acme") >= 1, 15_000)).as("the bot answered on wa").isTrue();
    // An operator reads the conversation: with Redis, that fills its context cache with the texts.
    assertThat(call(HttpMethod.GET, "/admin/v1/conversations/" + TestEngine.key("acme", "wa", E164) + "/messages?limit=10",
        null).bodyAsString()).contains(TEXT_WA);
    whatsapp("wa2", TEXT_WA2);
    assertThat(Await.until(() -> outbox("acme", "DEAD").size() >= 1, 15_000)).as("a dead letter").isTrue();
    JsonObject action = new JsonObject().put("tenant", "acme").put("target", "crm-hook").put("recipient", E164)
        .put("sourceId", "lead-zq-1").put("payload", new JsonObject().put("kind", "webhook").put("type", "lead")
            .put("data", new JsonObject().put("name", NAME).put("phone", E164).encode()));
    assertThat(call(HttpMethod.POST, "/admin/v1/actions", action).statusCode()).isEqualTo(202);
    assertThat(Await.until(() -> outbox("acme", "RETRY").size() >= 1, 15_000)).as("a pending command").isTrue();
    webchat(TEXT_CHAT);
    whatsapp("wa-clinic", TEXT_CLINIC);
    assertThat(Await.until(() -> sandboxTo("clinic") >= 1, 15_000)).as("the clinic answered").isTrue();
    followUp();
  }

  void webhookAgain(String text) {
    whatsapp("wa", text);
  }

  private void whatsapp(String channel, String text) {
    var body = WhatsAppPayloads.envelope(new JsonObject().put("messaging_product", "whatsapp")
        .put("metadata", new JsonObject().put("display_phone_number", "551130405060")
            .put("phone_number_id", "209715200054321"))
        .put("contacts", new JsonArray().add(new JsonObject().put("profile", new JsonObject().put("name", NAME))
            .put("wa_id", PHONE)))
        .put("messages", new JsonArray().add(WhatsAppPayloads.message(PHONE, "wamid.lgpd." + ids.incrementAndGet(),
            text, clock.instant()))));
    assertThat(Await.of(t.postMeta(channel, body)).statusCode()).isEqualTo(200);
  }

  /** A web chat visitor says something and gets the bot's answer on the socket. */
  void webchat(String text) {
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    WebSocketClient ws = t.outside.createWebSocketClient();
    var socket = Await.of(ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(t.port)
        .setURI("/webchat/chat?visitor=" + VISITOR)));
    socket.textMessageHandler(frame -> frames.add(new JsonObject(frame)));
    socket.writeTextMessage(new JsonObject().put("text", text).encode());
    assertThat(Await.until(() -> frames.stream().anyMatch(f -> "message".equals(f.getString("type"))), 15_000))
        .as("the web chat answered").isTrue();
    Await.of(socket.close());
  }

  /** The customer goes quiet; a follow-up schedule writes to them. */
  private void followUp() {
    String schedules = "/admin/v1/tenants/acme/schedules";
    assertThat(call(HttpMethod.POST, schedules, new JsonObject().put("id", "nudge").put("cron", "0 9 * * *")
        .put("job", "follow-up").put("params", new JsonObject().put("quietMinutes", 30).put("maxFollowUps", 1)
            .put("text", FOLLOW_UP))).statusCode()).isEqualTo(201);
    clock.advance(Duration.ofMinutes(31));
    runNow("nudge");
    assertThat(Await.until(() -> t.engine.sandbox().list("acme", 1000).stream()
        .anyMatch(e -> e.recipient().equals(PHONE) && e.text().equals(FOLLOW_UP)), 15_000)).isTrue();
  }

  void runNow(String schedule) {
    String base = "/admin/v1/tenants/acme/schedules/" + schedule;
    var started = call(HttpMethod.POST, base + "/run", null);
    assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(202);
    String runId = started.bodyAsJsonObject().getString("runId");
    assertThat(Await.until(() -> call(HttpMethod.GET, base + "/runs", null).bodyAsJsonObject().getJsonArray("items")
        .stream().map(JsonObject.class::cast)
        .anyMatch(r -> runId.equals(r.getString("id")) && "SUCCEEDED".equals(r.getString("status"))), 15_000))
        .as("run %s of %s succeeded", runId, schedule).isTrue();
  }

  /** The tenant's daily roll-up rows as the API shows them, after running the roll-up now. */
  JsonArray rolledUp() {
    runNow("nightly-rollup");
    return call(HttpMethod.GET, "/admin/v1/metrics/daily?tenant=acme", null).bodyAsJsonObject().getJsonArray("items");
  }

  long sandboxTo(String tenant) {
    return t.engine.sandbox().list(tenant, 1000).stream().filter(e -> e.recipient().equals(PHONE)).count();
  }

  List<JsonObject> outbox(String tenant, String status) {
    return call(HttpMethod.GET, "/admin/v1/outbox?tenant=" + tenant + "&status=" + status, null).bodyAsJsonObject()
        .getJsonArray("items").stream().map(JsonObject.class::cast).toList();
  }

  HttpResponse<Buffer> export(String tenant, String contact) {
    return call(HttpMethod.GET, "/admin/v1/contacts/" + encode(contact) + "/export?tenant=" + tenant, null);
  }

  HttpResponse<Buffer> erase(String tenant, String contact) {
    return call(HttpMethod.POST, "/admin/v1/contacts/" + encode(contact) + "/erase?tenant=" + tenant,
        new JsonObject().put("confirm", true));
  }

  HttpResponse<Buffer> call(HttpMethod method, String path, JsonObject body) {
    var request = t.client.request(method, path).putHeader("Authorization", TestEngine.ADMIN);
    return Await.of(body == null ? request.send() : request.sendJsonObject(body));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
