package dev.switchboard.engine.channel;

import static dev.switchboard.engine.channel.Payloads.optText;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.event.ChannelRef;
import dev.switchboard.engine.event.EventSource;
import dev.switchboard.engine.event.NormalizedEvent;
import dev.switchboard.engine.event.UnsupportedEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Standard Webhooks events ({@code {"type","timestamp","data"}}): the {@code webhook-id} header is the event id.
 * They are business events (a booking was created, ...), recorded in the inbox; no conversation acts on them yet.
 */
final class StandardWebhookNormalizer implements PayloadNormalizer {

  @Override
  public List<NormalizedEvent> normalize(ChannelRef channel, JsonNode root, String providerEventId) {
    if (providerEventId == null || providerEventId.isBlank()) {
      throw new PayloadException("webhook-id header is missing");
    }
    String type = optText(root, "type");
    if (type == null) {
      throw new PayloadException("type is missing");
    }
    Instant at;
    try {
      String ts = optText(root, "timestamp");
      at = ts == null ? Instant.now() : Instant.parse(ts);
    } catch (DateTimeParseException e) {
      throw new PayloadException("timestamp must be ISO-8601");
    }
    return List.of(new UnsupportedEvent(new EventSource(channel, providerEventId, at), null, "standard " + type));
  }
}
