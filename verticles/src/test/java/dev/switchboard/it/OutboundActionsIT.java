package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.switchboard.engine.channel.StandardWebhookSignature;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.store.SessionStep;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every action type through the one outbox lifecycle, against local servers playing each provider and a real
 * SMTP server (GreenMail); the 24-hour window; dead letters and their replay.
 */
class OutboundActionsIT {
  private static FakeProvider provider;
  private static GreenMail smtp;
  private static TestEngine t;
  private static final AtomicBoolean TRELLO_DOWN_HARD = new AtomicBoolean(true);

  @BeforeAll
  static void start() throws Exception {
    provider = new FakeProvider().start();
    provider.respond(r -> {
      if (r.path().startsWith("/1/cards") && TRELLO_DOWN_HARD.get()) {
        return new FakeProvider.Response(401, "invalid key");
      }
      if (r.path().startsWith("/1/cards")) {
        return new FakeProvider.Response(200, "{\"id\":\"6562f0c1a2b3c4d5e6f70819\",\"name\":\"x\"}");
      }
      if (r.path().startsWith("/v2/bookings")) {
        return new FakeProvider.Response(201, "{\"status\":\"success\",\"data\":{\"id\":1,\"uid\":\"bk_test_1\"}}");
      }
      if (r.path().startsWith("/bot")) {
        return new FakeProvider.Response(200, provider.telegramOk());
      }
      if (r.path().contains("/112233445566778/") || r.path().contains("/17841400000012345/")) {
        return new FakeProvider.Response(200, "{\"recipient_id\":\"1\",\"message_id\":\"m_test\"}");
      }
      return new FakeProvider.Response(200, provider.graphOk());
    });
    int smtpPort = TestEngine.freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    t = new TestEngine(Map.of("PROVIDER_URL", provider.url(), "WA_SENDER", "whatsapp", "TG_SENDER", "telegram",
        "MS_SENDER", "messenger", "IG_SENDER", "instagram", "SMTP_PORT", String.valueOf(smtpPort),
        "WEBHOOK_URL", provider.url() + "/hook"));
  }

  @AfterAll
  static void stop() {
    t.close();
    smtp.stop();
    provider.close();
  }

  private static JsonObject enqueue(String target, String recipient, String sourceId, JsonObject payload) {
    var res = Await.of(t.adminPost("/admin/v1/actions", new JsonObject().put("tenant", "acme").put("target", target)
        .put("recipient", recipient).put("sourceId", sourceId).put("payload", payload)));
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(202);
    return res.bodyAsJsonObject();
  }

  private static OutboundCommand settled(String id) {
    assertThat(Await.until(() -> {
      var c = Await.of(t.engine.stores().outbox().get(id));
      return c != null && (c.status() == CommandStatus.SENT || c.status() == CommandStatus.DEAD);
    }, 10_000)).as("command %s settles", id).isTrue();
    return Await.of(t.engine.stores().outbox().get(id));
  }

  private static List<FakeProvider.Recorded> to(String pathPart) {
    return provider.received().stream().filter(r -> r.path().contains(pathPart)).toList();
  }

  @Test
  void whatsappTemplateAndButtonsWithinTheWindow() {
    String contact = "5511955550001";
    openWindow("wa", contact, Instant.now().minus(Duration.ofHours(1)));
    var template = enqueue("wa", contact, "tpl-1", new JsonObject().put("kind", "template").put("name", "lembrete_visita")
        .put("language", "pt_BR").put("bodyParameters", new JsonArray().add("sexta").add("14h")));
    var buttons = enqueue("wa", contact, "btn-1", new JsonObject().put("kind", "buttons").put("body", "Confirma?")
        .put("buttons", new JsonArray().add(new JsonObject().put("id", "sim").put("title", "Sim"))
            .add(new JsonObject().put("id", "nao").put("title", "Não"))));
    assertThat(settled(template.getString("id")).status()).isEqualTo(CommandStatus.SENT);
    assertThat(settled(buttons.getString("id")).status()).isEqualTo(CommandStatus.SENT);
    var sent = to("/209715200054321/messages").stream().map(r -> new JsonObject(r.body()))
        .filter(b -> contact.equals(b.getString("to"))).toList();
    assertThat(sent).extracting(b -> b.getString("type")).containsExactlyInAnyOrder("template", "interactive");
    JsonObject tpl = sent.stream().filter(b -> b.getString("type").equals("template")).findFirst().orElseThrow();
    assertThat(tpl.getJsonObject("template").getJsonArray("components").getJsonObject(0).getJsonArray("parameters")
        .getJsonObject(1).getString("text")).isEqualTo("14h");
    // The same sourceId again creates nothing and sends nothing.
    var again = enqueue("wa", contact, "tpl-1", new JsonObject().put("kind", "template").put("name", "lembrete_visita")
        .put("language", "pt_BR"));
    assertThat(again.getBoolean("created")).isFalse();
    assertThat(again.getString("id")).isEqualTo(template.getString("id"));
  }

  @Test
  void outsideTheWindowTextBecomesTheTemplateOrDiesWithTheReason() {
    String contact = "5511955550002";
    openWindow("wa2", contact, Instant.now().minus(Duration.ofHours(25)));
    var viaTemplate = enqueue("wa2", contact, "late-1", new JsonObject().put("kind", "text").put("body", "Olá de novo"));
    assertThat(settled(viaTemplate.getString("id")).status()).isEqualTo(CommandStatus.SENT);
    JsonObject body = new JsonObject(to("/209715200099999/messages").get(0).body());
    assertThat(body.getString("type")).isEqualTo("template");
    assertThat(body.getJsonObject("template").getString("name")).isEqualTo("retomar_conversa");

    openWindow("wa", contact, Instant.now().minus(Duration.ofHours(25)));
    var refused = enqueue("wa", contact, "late-2", new JsonObject().put("kind", "text").put("body", "Olá de novo"));
    OutboundCommand dead = settled(refused.getString("id"));
    assertThat(dead.status()).isEqualTo(CommandStatus.DEAD);
    assertThat(dead.lastError()).contains("24-hour window");
    assertThat(dead.attempts()).isEqualTo(1);
  }

  @Test
  void telegramMessengerAndInstagram() {
    var tg = enqueue("tg", "734512908", "tg-1", new JsonObject().put("kind", "buttons").put("body", "Qual período?")
        .put("buttons", new JsonArray().add(new JsonObject().put("id", "manha").put("title", "Manhã"))));
    var cb = enqueue("tg", "734512908", "tg-2", new JsonObject().put("kind", "callback-answer")
        .put("callbackQueryId", "3154683927384756123").put("text", "Anotado"));
    var ms = enqueue("ms", "6543210987654321", "ms-1", new JsonObject().put("kind", "text").put("body", "Oi"));
    var ig = enqueue("ig", "987654321098765", "ig-1", new JsonObject().put("kind", "text").put("body", "Oi"));
    for (JsonObject c : List.of(tg, cb, ms, ig)) {
      assertThat(settled(c.getString("id")).status()).isEqualTo(CommandStatus.SENT);
    }
    JsonObject keyboard = new JsonObject(to("/sendMessage").get(0).body());
    assertThat(keyboard.getJsonObject("reply_markup").getJsonArray("inline_keyboard").getJsonArray(0)
        .getJsonObject(0).getString("callback_data")).isEqualTo("manha");
    assertThat(new JsonObject(to("/answerCallbackQuery").get(0).body()).getString("callback_query_id"))
        .isEqualTo("3154683927384756123");
    var messenger = to("/112233445566778/messages").get(0);
    assertThat(messenger.headers().get("Authorization")).isEqualTo("Bearer test-page-token");
    assertThat(new JsonObject(messenger.body()).getString("messaging_type")).isEqualTo("RESPONSE");
    var instagram = new JsonObject(to("/17841400000012345/messages").get(0).body());
    assertThat(instagram.getJsonObject("recipient").getString("id")).isEqualTo("987654321098765");
    assertThat(instagram.containsKey("messaging_type")).isFalse();
  }

  @Test
  void calcomBookingWebhookOutAndEmail() throws Exception {
    var booking = enqueue("agenda", "ana", "bk-1", new JsonObject().put("kind", "booking").put("eventTypeId", 1234567)
        .put("start", "2026-12-04T17:00:00Z").put("attendeeName", "Cliente Teste")
        .put("attendeeEmail", "cliente.teste@example.org"));
    var hook = enqueue("crm-hook", "crm", "hook-1", new JsonObject().put("kind", "webhook").put("type", "lead.created")
        .put("data", "{\"stage\":\"novo\"}"));
    var mail = enqueue("mail", "tecnico@example.org", "mail-1", new JsonObject().put("kind", "email")
        .put("subject", "Nova visita").put("body", "Visita agendada para sexta."));
    assertThat(settled(booking.getString("id")).providerMessageId()).isEqualTo("bk_test_1");
    assertThat(settled(hook.getString("id")).status()).isEqualTo(CommandStatus.SENT);
    assertThat(settled(mail.getString("id")).status()).isEqualTo(CommandStatus.SENT);

    var cal = to("/v2/bookings").get(0);
    assertThat(cal.headers().get("cal-api-version")).isEqualTo("2024-08-13");
    assertThat(cal.headers().get("Authorization")).isEqualTo("Bearer cal_test_key");
    assertThat(new JsonObject(cal.body()).getJsonObject("attendee").getString("timeZone")).isEqualTo("America/Sao_Paulo");

    var posted = to("/hook").get(0);
    assertThat(posted.headers().get("webhook-id")).isEqualTo(hook.getString("id"));
    var verifier = new StandardWebhookSignature("whsec_YWNjZXB0YW5jZS1zdGFuZGFyZC13ZWJob29rcy0zMmI=",
        Clock.systemUTC(), Duration.ofMinutes(5));
    assertThat(verifier.verify(posted.headers().get("webhook-id"), posted.headers().get("webhook-timestamp"),
        posted.headers().get("webhook-signature"), posted.body().getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(StandardWebhookSignature.Result.OK);
    assertThat(new JsonObject(posted.body()).getJsonObject("data").getString("stage")).isEqualTo("novo");

    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    var received = smtp.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("Nova visita");
    assertThat(received.getAllRecipients()[0].toString()).isEqualTo("tecnico@example.org");
  }

  @Test
  void deadLettersAreListedAndReplayedOnceWithAnAuditTrail() {
    var card = enqueue("ops-trello", "board", "card-1", new JsonObject().put("kind", "trello-card")
        .put("name", "Visita técnica").put("description", "Limpeza de split"));
    String id = card.getString("id");
    OutboundCommand dead = settled(id);
    assertThat(dead.status()).isEqualTo(CommandStatus.DEAD);
    assertThat(dead.lastError()).contains("trello 401");
    assertThat(to("/1/cards")).hasSize(1);
    assertThat(to("/1/cards").get(0).path()).contains("key=0123456789abcdef0123456789abcdef")
        .contains("token=test-trello-token");

    var listed = Await.of(t.adminGet("/admin/v1/dead-letters?tenant=acme&sender=trello&reason=401"))
        .bodyAsJsonObject().getJsonArray("items");
    assertThat(listed.stream().map(o -> ((JsonObject) o).getString("id"))).contains(id);
    var none = Await.of(t.adminGet("/admin/v1/dead-letters?tenant=acme&sender=calcom")).bodyAsJsonObject()
        .getJsonArray("items");
    assertThat(none.stream().map(o -> ((JsonObject) o).getString("id"))).doesNotContain(id);

    TRELLO_DOWN_HARD.set(false);
    var replay = Await.of(t.adminPost("/admin/v1/dead-letters/replay", new JsonObject()
        .put("ids", new JsonArray().add(id).add("no-such-id")).put("agent", "ana"))).bodyAsJsonObject();
    assertThat(replay.getJsonArray("items").getJsonObject(0).getString("result")).isEqualTo("replayed");
    assertThat(replay.getJsonArray("items").getJsonObject(1).getString("result")).isEqualTo("not_found");
    assertThat(Await.until(() -> Await.of(t.engine.stores().outbox().get(id)).status() == CommandStatus.SENT, 15_000))
        .isTrue();
    var again = Await.of(t.adminPost("/admin/v1/dead-letters/replay", new JsonObject()
        .put("ids", new JsonArray().add(id)))).bodyAsJsonObject();
    assertThat(again.getJsonArray("items").getJsonObject(0).getString("result")).isEqualTo("not_dead");
    assertThat(to("/1/cards")).hasSize(2);
    var audit = Await.of(t.adminGet("/admin/v1/audit/actions?tenant=acme")).bodyAsJsonObject().getJsonArray("items");
    assertThat(audit.stream().map(o -> (JsonObject) o)).anyMatch(a -> a.getString("action").equals("replay")
        && a.getString("subject").equals(id) && a.getString("actor").equals("agent:ana"));
  }

  @Test
  void badActionsGetClearErrors() {
    var noPayload = Await.of(t.adminPost("/admin/v1/actions", new JsonObject().put("tenant", "acme")));
    WebhookIngestIT.assertError(noPayload, 400, "bad_request");
    var unknownTarget = Await.of(t.adminPost("/admin/v1/actions", new JsonObject().put("tenant", "acme")
        .put("target", "nope").put("recipient", "x").put("sourceId", "s")
        .put("payload", new JsonObject().put("kind", "text").put("body", "x"))));
    WebhookIngestIT.assertError(unknownTarget, 404, "not_found");
  }

  /** A conversation whose last inbound message was at {@code lastInbound}. */
  /** A WhatsApp conversation as the channel's webhooks make it: keyed by +digits, the provider's form kept. */
  private static void openWindow(String channel, String contact, Instant lastInbound) {
    var key = new ConversationKey("acme", channel, "+" + contact);
    Conversation c = Conversation.open(key, contact, lastInbound).withInbound(contact, lastInbound);
    Await.of(t.engine.stores().conversations().commit(new SessionStep(c, List.of(), List.of(), List.of(), List.of())));
  }
}
