package dev.switchboard.outbound;

import dev.switchboard.engine.channel.StandardWebhookSignature;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.outbound.SendResult;
import dev.switchboard.engine.outbound.webhook.WebhookOutResponses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Generic webhook out, signed per Standard Webhooks: {@code webhook-id} is the command id (the same on every retry,
 * so the receiver can dedupe), {@code webhook-timestamp} the attempt time, {@code webhook-signature} v1 HMAC.
 */
final class WebhookOutSender implements Sender {
  private final HttpCall http;
  private final Clock clock;

  WebhookOutSender(HttpCall http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  @Override
  public Future<SendResult> send(OutboundCommand command, Destination to) {
    var hook = to.integration();
    var event = (OutboundPayload.WebhookEvent) command.payload();
    byte[] body = new JsonObject().put("type", event.type()).put("timestamp", clock.instant().toString())
        .put("data", new JsonObject(event.data())).encode().getBytes(StandardCharsets.UTF_8);
    long ts = clock.instant().getEpochSecond();
    String signature = new StandardWebhookSignature(hook.signingSecret(), clock, Duration.ofMinutes(5))
        .sign(command.id(), ts, body);
    return http.postJson(hook.url(), command, body,
        r -> r.putHeader("webhook-id", command.id()).putHeader("webhook-timestamp", String.valueOf(ts))
            .putHeader("webhook-signature", signature),
        r -> WebhookOutResponses.classify(r.statusCode(), r.getHeader("Retry-After"), clock.instant()), "webhook");
  }
}
