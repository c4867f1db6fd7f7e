package dev.switchboard.engine.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.engine.outbound.telegram.TelegramRequests;
import dev.switchboard.engine.outbound.telegram.TelegramResponses;
import dev.switchboard.engine.outbound.whatsapp.WhatsAppRequests;
import dev.switchboard.engine.outbound.whatsapp.WhatsAppResponses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import com.fasterxml.jackson.databind.node.ObjectNode;

class OutboundLogicTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String fixture(String name) throws IOException {
    return Files.readString(Path.of("src/test/resources/fixtures/outbound/" + name));
  }

  @Test
  void whatsappTextRequestsMatchTheDocumentedShape() throws IOException {
    JsonNode expected = MAPPER.readTree(fixture("whatsapp_send_text_request.json"));
    JsonNode built = MAPPER.readTree(WhatsAppRequests.body(expected.get("to").asText(),
        new OutboundPayload.Text(expected.get("text").get("body").asText(), null)));
    assertThat(built).isEqualTo(expected);
    JsonNode withContext = MAPPER.readTree(fixture("whatsapp_send_text_reply_context_request.json"));
    JsonNode builtContext = MAPPER.readTree(WhatsAppRequests.body(withContext.get("to").asText(),
        new OutboundPayload.Text(withContext.get("text").get("body").asText(),
            withContext.get("context").get("message_id").asText())));
    // This fixture leaves preview_url out; false is its documented default, which the builder states explicitly.
    ((ObjectNode) builtContext.get("text")).remove("preview_url");
    assertThat(builtContext).isEqualTo(withContext);
    assertThat(WhatsAppRequests.path("v21.0", "209715200054321")).isEqualTo("/v21.0/209715200054321/messages");
  }

  @Test
  void whatsappSuccessKeepsTheMessageIdAndCanonicalRecipient() throws IOException {
    var sent = (SendResult.Sent) WhatsAppResponses.classify(200, fixture("whatsapp_send_text_response.json"), null);
    assertThat(sent.providerMessageId()).startsWith("wamid.");
    var br = (SendResult.Sent) WhatsAppResponses.classify(200,
        fixture("whatsapp_send_text_response_br_input_differs.json"), null);
    JsonNode raw = MAPPER.readTree(fixture("whatsapp_send_text_response_br_input_differs.json"));
    assertThat(br.canonicalRecipient()).isEqualTo(raw.get("contacts").get(0).get("wa_id").asText());
    assertThat(WhatsAppResponses.classify(200, "not json", null)).isInstanceOf(SendResult.Sent.class);
  }

  @ParameterizedTest
  @CsvSource({
    "whatsapp_error_130429.json, 400, transient, 130429",
    "whatsapp_error_130429.json, 429, transient, 130429",
    "whatsapp_error_131056.json, 400, transient, 131056",
    "whatsapp_error_131047.json, 400, permanent, 131047",
    "whatsapp_error_131026_undeliverable.json, 400, permanent, 131026",
    "whatsapp_error_100_param.json, 400, permanent, 100",
    "whatsapp_error_190_token.json, 401, permanent, 190"})
  void whatsappErrorsAreClassifiedByCode(String file, int status, String kind, String code) throws IOException {
    SendResult r = WhatsAppResponses.classify(status, fixture(file), null);
    if (kind.equals("transient")) {
      assertThat(r).isInstanceOf(SendResult.Transient.class);
      assertThat(((SendResult.Transient) r).reason()).contains(code);
    } else {
      assertThat(r).isInstanceOf(SendResult.Permanent.class);
      assertThat(((SendResult.Permanent) r).reason()).contains(code);
    }
  }

  @Test
  void whatsappWithoutAKnownCodeFallsBackToTheStatus() {
    assertThat(WhatsAppResponses.classify(503, "<html>", "7")).isEqualTo(
        new SendResult.Transient("http 503", Duration.ofSeconds(7)));
    assertThat(WhatsAppResponses.classify(404, "", null)).isEqualTo(new SendResult.Permanent("http 404"));
  }

  @Test
  void telegramRequestsAndResponses() throws IOException {
    JsonNode expected = MAPPER.readTree(fixture("telegram_sendMessage_request.json"));
    JsonNode built = MAPPER.readTree(TelegramRequests.sendMessage(expected.get("chat_id").asText(),
        new OutboundPayload.Text(expected.get("text").asText(), null)));
    assertThat(built.get("chat_id")).isEqualTo(expected.get("chat_id"));
    assertThat(built.get("text")).isEqualTo(expected.get("text"));
    assertThat(MAPPER.readTree(TelegramRequests.sendMessage("-1001234567890", new OutboundPayload.Text("x", "55")))
        .get("reply_parameters").get("message_id").asLong()).isEqualTo(55);
    assertThat(TelegramRequests.path("123:abc", "sendMessage")).isEqualTo("/bot123:abc/sendMessage");

    var sent = (SendResult.Sent) TelegramResponses.classify(200, fixture("telegram_sendMessage_response.json"));
    assertThat(sent.providerMessageId()).isNotBlank();
    var flood = (SendResult.Transient) TelegramResponses.classify(429, fixture("telegram_error_429.json"));
    JsonNode floodBody = MAPPER.readTree(fixture("telegram_error_429.json"));
    assertThat(flood.retryAfter()).isEqualTo(Duration.ofSeconds(floodBody.get("parameters").get("retry_after").asLong()));
    assertThat(((SendResult.Transient) TelegramResponses.classify(429,
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 12\"}")).retryAfter())
        .isEqualTo(Duration.ofSeconds(12));
    assertThat(TelegramResponses.classify(403, fixture("telegram_error_403_blocked.json")))
        .isInstanceOf(SendResult.Permanent.class);
    assertThat(TelegramResponses.classify(400, fixture("telegram_error_400_chat_not_found.json")))
        .isInstanceOf(SendResult.Permanent.class);
    assertThat(TelegramResponses.classify(502, "bad gateway")).isInstanceOf(SendResult.Transient.class);
  }

  @Test
  void backoffIsFullJitterCappedAndHonoursHints() {
    Backoff top = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60), 5, Duration.ofHours(1), () -> 0.999999);
    Backoff bottom = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60), 5, Duration.ofHours(1), () -> 0.0);
    assertThat(top.next(1, null).toMillis()).isBetween(499L, 500L);
    assertThat(top.next(3, null).toMillis()).isBetween(1999L, 2000L);
    assertThat(top.next(20, null)).isLessThanOrEqualTo(Duration.ofSeconds(60));
    assertThat(bottom.next(4, null)).isEqualTo(Duration.ZERO);
    assertThat(bottom.next(1, Duration.ofSeconds(35))).isEqualTo(Duration.ofSeconds(35));
    assertThat(bottom.next(1, Duration.ofHours(2))).isEqualTo(Duration.ofSeconds(60));
    Instant created = Instant.parse("2026-11-20T12:00:00Z");
    assertThat(top.exhausted(4, created, created.plusSeconds(10))).isFalse();
    assertThat(top.exhausted(5, created, created.plusSeconds(10))).isTrue();
    assertThat(top.exhausted(1, created, created.plus(Duration.ofHours(2)))).isTrue();
  }
}
