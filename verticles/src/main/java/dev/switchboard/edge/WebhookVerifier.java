package dev.switchboard.edge;

import dev.switchboard.config.ChannelConfig;
import dev.switchboard.engine.channel.MetaSignature;
import dev.switchboard.engine.channel.StandardWebhookSignature;
import dev.switchboard.engine.channel.TelegramSecretToken;
import io.vertx.core.MultiMap;
import java.time.Clock;
import java.time.Duration;

/**
 * Checks a webhook the way its provider signs it, over the exact bytes received. Returns null when the
 * request is authentic, else the reason for the 401 (never echoing what was sent).
 */
final class WebhookVerifier {
  static final Duration STANDARD_TOLERANCE = Duration.ofMinutes(5);
  private final Clock clock;

  WebhookVerifier(Clock clock) {
    this.clock = clock;
  }

  String rejectReason(ChannelConfig channel, MultiMap headers, byte[] body) {
    return switch (channel.type()) {
      case WHATSAPP, MESSENGER, INSTAGRAM -> {
        String header = headers.get("X-Hub-Signature-256");
        if (header == null) {
          yield "missing X-Hub-Signature-256 header";
        }
        yield MetaSignature.verify(channel.appSecret(), body, header) ? null : "X-Hub-Signature-256 does not match";
      }
      case TELEGRAM -> {
        String header = headers.get("X-Telegram-Bot-Api-Secret-Token");
        if (header == null) {
          yield "missing X-Telegram-Bot-Api-Secret-Token header";
        }
        yield TelegramSecretToken.matches(channel.secretToken(), header) ? null : "secret token does not match";
      }
      case STANDARD -> {
        var result = new StandardWebhookSignature(channel.signingSecret(), clock, STANDARD_TOLERANCE)
            .verify(headers.get("webhook-id"), headers.get("webhook-timestamp"), headers.get("webhook-signature"), body);
        yield result == StandardWebhookSignature.Result.OK ? null : "standard webhook " + result.name().toLowerCase();
      }
      case WEBCHAT -> "webchat messages arrive over the WebSocket";
    };
  }
}
