package dev.switchboard.engine.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.HashMap;

class SignaturesTest {
  private static final JsonNode SIGS = Fixtures.json("inbound/_signatures.json");
  private static final String APP_SECRET = SIGS.get("meta_app_secret").asText();

  @ParameterizedTest
  @ValueSource(strings = {"whatsapp_text.json", "whatsapp_image.json", "whatsapp_audio.json",
      "whatsapp_button_reply.json", "whatsapp_location.json", "whatsapp_status_delivered.json",
      "whatsapp_status_failed.json", "messenger_text.json", "instagram_text.json"})
  void metaSignaturesVerifyOverTheExactBytesAndFailOnAnyChange(String file) {
    byte[] body = Fixtures.bytes("inbound/" + file);
    String header = SIGS.get("x_hub_signature_256").get(file).asText();
    assertThat(MetaSignature.verify(APP_SECRET, body, header)).isTrue();
    assertThat(MetaSignature.verify(APP_SECRET, body, header.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
    assertThat(MetaSignature.sign(APP_SECRET, body)).isEqualTo(header);
    byte[] changed = body.clone();
    changed[changed.length / 2] ^= 1;
    assertThat(MetaSignature.verify(APP_SECRET, changed, header)).isFalse();
    assertThat(MetaSignature.verify("other-secret", body, header)).isFalse();
  }

  @Test
  void malformedMetaHeadersAreRejected() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(MetaSignature.verify(APP_SECRET, body, null)).isFalse();
    assertThat(MetaSignature.verify(APP_SECRET, body, "sha1=abc")).isFalse();
    assertThat(MetaSignature.verify(APP_SECRET, body, "sha256=zz" + "0".repeat(62))).isFalse();
    assertThat(MetaSignature.verify(APP_SECRET, body, "sha256=" + "0".repeat(63))).isFalse();
  }

  @Test
  void telegramSecretTokenIsExact() {
    assertThat(TelegramSecretToken.matches("tg_acceptance-Secret_42", "tg_acceptance-Secret_42")).isTrue();
    assertThat(TelegramSecretToken.matches("tg_acceptance-Secret_42", "tg_acceptance-Secret_4")).isFalse();
    assertThat(TelegramSecretToken.matches("tg_acceptance-Secret_42", null)).isFalse();
    assertThat(TelegramSecretToken.matches(null, "x")).isFalse();
  }

  @Test
  void standardWebhooksKnownAnswerVector() {
    JsonNode v = Fixtures.json("inbound/standard_webhook_known_vector.json");
    long ts = v.get("webhook-timestamp").asLong();
    var verifier = new StandardWebhookSignature(v.get("secret").asText(), at(ts + 10), Duration.ofMinutes(5));
    byte[] body = v.get("body").asText().getBytes(StandardCharsets.UTF_8);
    assertThat(verifier.sign(v.get("webhook-id").asText(), ts, body)).isEqualTo(v.get("expected_signature").asText());
    assertThat(verifier.verify(v.get("webhook-id").asText(), String.valueOf(ts), v.get("expected_signature").asText(),
        body)).isEqualTo(StandardWebhookSignature.Result.OK);
  }

  @Test
  void standardWebhooksGenericVectorWithRotationAndTolerance() {
    JsonNode h = Fixtures.json("inbound/standard_webhook_generic.headers.json");
    byte[] body = Fixtures.bytes("inbound/standard_webhook_generic.json");
    long ts = h.get("webhook-timestamp").asLong();
    String id = h.get("webhook-id").asText();
    String secret = h.get("secret").asText();
    var onTime = new StandardWebhookSignature(secret, at(ts + 60), Duration.ofMinutes(5));
    assertThat(onTime.verify(id, String.valueOf(ts), h.get("webhook-signature").asText(), body))
        .isEqualTo(StandardWebhookSignature.Result.OK);
    assertThat(onTime.verify(id, String.valueOf(ts), h.get("rotation_example_header").asText(), body))
        .isEqualTo(StandardWebhookSignature.Result.OK);
    assertThat(onTime.verify(id, String.valueOf(ts), "v2,abc " + h.get("webhook-signature").asText(), body))
        .isEqualTo(StandardWebhookSignature.Result.OK);
    assertThat(onTime.verify("msg_other", String.valueOf(ts), h.get("webhook-signature").asText(), body))
        .isEqualTo(StandardWebhookSignature.Result.BAD_SIGNATURE);
    assertThat(onTime.verify(id, String.valueOf(ts), "v1,AAAA", body))
        .isEqualTo(StandardWebhookSignature.Result.BAD_SIGNATURE);

    var late = new StandardWebhookSignature(secret, at(ts + 301), Duration.ofMinutes(5));
    assertThat(late.verify(id, String.valueOf(ts), h.get("webhook-signature").asText(), body))
        .isEqualTo(StandardWebhookSignature.Result.TIMESTAMP_OUT_OF_TOLERANCE);
    var early = new StandardWebhookSignature(secret, at(ts - 301), Duration.ofMinutes(5));
    assertThat(early.verify(id, String.valueOf(ts), h.get("webhook-signature").asText(), body))
        .isEqualTo(StandardWebhookSignature.Result.TIMESTAMP_OUT_OF_TOLERANCE);
    assertThat(onTime.verify(id, "yesterday", h.get("webhook-signature").asText(), body))
        .isEqualTo(StandardWebhookSignature.Result.BAD_TIMESTAMP);
    assertThat(onTime.verify(null, String.valueOf(ts), h.get("webhook-signature").asText(), body))
        .isEqualTo(StandardWebhookSignature.Result.MISSING_HEADERS);
  }

  @Test
  void metaHandshakeFixtureCases() {
    JsonNode f = Fixtures.json("inbound/whatsapp_verify_get.json");
    String expected = f.get("verify_token_configured").asText();
    for (JsonNode c : f.get("cases")) {
      var q = new HashMap<String, String>();
      for (String pair : c.get("query").asText().split("&")) {
        if (!pair.isEmpty()) {
          q.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
      }
      var r = MetaHandshake.check(q.get("hub.mode"), q.get("hub.verify_token"), q.get("hub.challenge"), expected);
      assertThat(r.status()).as(c.get("query").asText()).isEqualTo(c.get("expect_status").asInt());
      if (c.has("expect_body")) {
        assertThat(r.body()).isEqualTo(c.get("expect_body").asText());
      }
      if (r.status() != 200) {
        assertThat(r.body()).isNull();
      }
    }
  }

  private static Clock at(long epochSeconds) {
    return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
  }
}
