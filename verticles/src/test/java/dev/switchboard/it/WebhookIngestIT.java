package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.channel.MetaSignature;
import dev.switchboard.engine.channel.StandardWebhookSignature;
import dev.switchboard.engine.event.ConversationKey;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.util.Arrays;

/** Every inbound fixture through the running engine over real HTTP, and every way a webhook is refused. */
class WebhookIngestIT {
  private static TestEngine t;
  private static JsonObject signatures;

  @BeforeAll
  static void start() {
    t = new TestEngine(Map.of());
    signatures = new JsonObject(Buffer.buffer(TestEngine.fixture("inbound/_signatures.json")))
        .getJsonObject("x_hub_signature_256");
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static HttpResponse<Buffer> postFixture(String channel, String file) {
    byte[] body = TestEngine.fixture("inbound/" + file);
    return Await.of(t.client.post("/webhooks/" + channel)
        .putHeader("X-Hub-Signature-256", signatures.getString(file))
        .sendBuffer(Buffer.buffer(body)));
  }

  @ParameterizedTest
  @CsvSource({
    "wa, whatsapp_text.json, 1", "wa, whatsapp_image.json, 1", "wa, whatsapp_audio.json, 1",
    "wa, whatsapp_button_reply.json, 1", "wa, whatsapp_location.json, 1",
    "wa, whatsapp_status_delivered.json, 1", "wa, whatsapp_status_failed.json, 1",
    "ms, messenger_text.json, 1", "ig, instagram_text.json, 1"})
  void metaFixturesAreAcceptedOnceThenDeduplicated(String channel, String file, int events) {
    HttpResponse<Buffer> first = postFixture(channel, file);
    assertThat(first.statusCode()).isEqualTo(200);
    JsonObject firstBody = first.bodyAsJsonObject();
    assertThat(firstBody.getInteger("accepted") + firstBody.getInteger("duplicates")).isEqualTo(events);

    HttpResponse<Buffer> again = postFixture(channel, file);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.bodyAsJsonObject().getInteger("accepted")).isZero();
    assertThat(again.bodyAsJsonObject().getInteger("duplicates")).isEqualTo(events);
  }

  @Test
  void whatsappTextBecomesAConversationTurnWithItsText() {
    postFixture("wa", "whatsapp_text.json");
    String key = TestEngine.key("acme", "wa", "+5511987654321");
    assertThat(Await.until(() -> messages(key).size() >= 2, 15_000)).isTrue();
    JsonArray items = messages(key);
    assertThat(items.getJsonObject(0).getString("direction")).isEqualTo("INBOUND");
    assertThat(items.getJsonObject(0).getString("text")).startsWith("Bom dia! Gostaria de agendar");
    assertThat(items.getJsonObject(1).getString("direction")).isEqualTo("OUTBOUND");
  }

  @Test
  void brazilianNumberWithoutNinthDigitIsOneContactAndRepliesGoToReportedId() {
    postFixture("wa", "whatsapp_audio.json");
    var key = new ConversationKey("acme", "wa", "+5581987654321");
    assertThat(Await.until(() -> Await.of(t.engine.stores().conversations().find(key)) != null, 15_000)).isTrue();
    assertThat(Await.of(t.engine.stores().conversations().find(key)).replyTo()).isEqualTo("558187654321");
  }

  @Test
  void telegramUpdatesNeedTheSecretToken() {
    for (String file : new String[] {"telegram_message.json", "telegram_callback_query.json"}) {
      byte[] body = TestEngine.fixture("inbound/" + file);
      var ok = Await.of(t.client.post("/webhooks/tg").putHeader("X-Telegram-Bot-Api-Secret-Token",
          "tg_acceptance-Secret_42").sendBuffer(Buffer.buffer(body)));
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.bodyAsJsonObject().getInteger("accepted") + ok.bodyAsJsonObject().getInteger("duplicates"))
          .isEqualTo(1);
    }
    var bad = Await.of(t.client.post("/webhooks/tg").putHeader("X-Telegram-Bot-Api-Secret-Token", "wrong")
        .sendBuffer(Buffer.buffer(TestEngine.fixture("inbound/telegram_message.json"))));
    assertError(bad, 401, "invalid_signature");
    var key = new ConversationKey("acme", "tg", "734512908");
    assertThat(Await.until(() -> Await.of(t.engine.stores().conversations().find(key)) != null, 15_000)).isTrue();
  }

  @Test
  void standardWebhookIsVerifiedWithFreshTimestampAndRejectedWhenStale() {
    byte[] body = TestEngine.fixture("inbound/standard_webhook_generic.json");
    String secret = "whsec_YWNjZXB0YW5jZS1zdGFuZGFyZC13ZWJob29rcy0zMmI=";
    long now = System.currentTimeMillis() / 1000;
    String signature = new StandardWebhookSignature(secret, Clock.systemUTC(), Duration.ofMinutes(5))
        .sign("msg_it_1", now, body);
    var ok = Await.of(t.client.post("/webhooks/std").putHeader("webhook-id", "msg_it_1")
        .putHeader("webhook-timestamp", String.valueOf(now)).putHeader("webhook-signature", signature)
        .sendBuffer(Buffer.buffer(body)));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.bodyAsJsonObject().getInteger("ignored")).isEqualTo(1);

    JsonObject stale = new JsonObject(Buffer.buffer(TestEngine.fixture("inbound/standard_webhook_generic.headers.json")));
    var refused = Await.of(t.client.post("/webhooks/std").putHeader("webhook-id", stale.getString("webhook-id"))
        .putHeader("webhook-timestamp", stale.getString("webhook-timestamp"))
        .putHeader("webhook-signature", stale.getString("webhook-signature"))
        .sendBuffer(Buffer.buffer(body)));
    assertError(refused, 401, "invalid_signature");
  }

  @Test
  void metaHandshakeCasesHold() {
    JsonArray cases = new JsonObject(Buffer.buffer(TestEngine.fixture("inbound/whatsapp_verify_get.json")))
        .getJsonArray("cases");
    for (int i = 0; i < cases.size(); i++) {
      JsonObject c = cases.getJsonObject(i);
      String query = c.getString("query");
      var res = Await.of(t.client.get("/webhooks/wa" + (query.isEmpty() ? "" : "?" + query)).send());
      assertThat(res.statusCode()).as(query).isEqualTo(c.getInteger("expect_status"));
      if (c.containsKey("expect_body")) {
        assertThat(res.bodyAsString()).isEqualTo(c.getString("expect_body"));
      }
      if (c.containsKey("expect_body_not")) {
        assertThat(res.bodyAsString()).doesNotContain(c.getString("expect_body_not"));
      }
    }
  }

  @Test
  void refusalsCarryStatusAndReasonAndLeaveTheEngineHealthy() {
    byte[] text = TestEngine.fixture("inbound/whatsapp_text.json");
    assertError(Await.of(t.client.post("/webhooks/wa").sendBuffer(Buffer.buffer(text))), 401, "invalid_signature");
    assertError(Await.of(t.client.post("/webhooks/wa").putHeader("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
        .sendBuffer(Buffer.buffer(text))), 401, "invalid_signature");
    assertError(Await.of(t.postMeta("nope", text)), 404, "unknown_channel");

    byte[] notJson = "{\"object\": \"whatsapp_business_account\", ".getBytes(StandardCharsets.UTF_8);
    assertError(Await.of(t.postMeta("wa", notJson)), 400, "malformed_payload");
    byte[] deep = ("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}").getBytes(StandardCharsets.UTF_8);
    assertError(Await.of(t.postMeta("wa", deep)), 400, "malformed_payload");
    byte[] wrongShape = "{\"object\":\"whatsapp_business_account\",\"entry\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    assertError(Await.of(t.postMeta("wa", wrongShape)), 400, "malformed_payload");

    byte[] huge = new byte[3 * 1024 * 1024 + 1];
    Arrays.fill(huge, (byte) ' ');
    var tooBig = Await.of(t.client.post("/webhooks/wa").putHeader("X-Hub-Signature-256",
        MetaSignature.sign(TestEngine.APP_SECRET, huge)).sendBuffer(Buffer.buffer(huge)));
    assertError(tooBig, 413, "payload_too_large");

    assertThat(Await.of(t.client.get("/health").send()).statusCode()).isEqualTo(200);
    var ready = Await.of(t.client.get("/ready").send());
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    assertThat(Await.of(t.whatsappText("5511900000001", "wamid.after-errors", "oi")).statusCode()).isEqualTo(200);
  }

  @Test
  void adminApiNeedsTheBearerToken() {
    assertError(Await.of(t.client.get("/admin/v1/conversations?tenant=acme").send()), 401, "unauthorized");
    assertError(Await.of(t.client.get("/admin/v1/conversations?tenant=acme")
        .putHeader("Authorization", "Bearer wrong").send()), 401, "unauthorized");
    assertThat(Await.of(t.adminGet("/admin/v1/conversations?tenant=acme")).statusCode()).isEqualTo(200);
  }

  @Test
  void theTenantRegistryListsConfiguredChannelsWithoutSecrets() {
    var res = Await.of(t.adminGet("/admin/v1/tenants"));
    assertThat(res.statusCode()).isEqualTo(200);
    JsonObject acme = res.bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
    assertThat(acme.getString("id")).isEqualTo("acme");
    assertThat(acme.getJsonArray("endpoints").stream().map(e -> ((JsonObject) e).getString("id")))
        .contains("wa", "tg", "std", "chat", "ops-trello", "mail");
    assertThat(res.bodyAsString()).doesNotContain(TestEngine.APP_SECRET).doesNotContain("test-graph-token")
        .doesNotContain("tg_acceptance-Secret_42");
  }

  private static JsonArray messages(String key) {
    var res = Await.of(t.adminGet("/admin/v1/conversations/" + key + "/messages"));
    return res.statusCode() == 200 ? res.bodyAsJsonObject().getJsonArray("items") : new JsonArray();
  }

  static void assertError(HttpResponse<Buffer> res, int status, String code) {
    assertThat(res.statusCode()).isEqualTo(status);
    JsonObject body = res.bodyAsJsonObject();
    assertThat(body.getString("error")).isEqualTo(code);
    assertThat(body.getString("detail")).isNotBlank();
  }
}
