package dev.switchboard.engine.channel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.event.ChannelRef;
import dev.switchboard.engine.event.NormalizedEvent;
import java.util.List;

/**
 * Turns one provider payload into the engine's events, in payload order. Unknown fields are ignored; a payload
 * whose required parts are missing throws {@link PayloadException}. {@code providerEventId} comes from headers
 * (Standard Webhooks' {@code webhook-id}) and is null for channels that carry ids in the body.
 */
public interface PayloadNormalizer {
  List<NormalizedEvent> normalize(ChannelRef channel, JsonNode root, String providerEventId);
}
