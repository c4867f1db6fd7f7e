package dev.switchboard.engine.bus;

import dev.switchboard.engine.event.ChannelRef;
import java.time.Instant;
import java.util.Objects;

/** Edge → normalizer: a payload whose signature was verified, as the exact bytes received. */
public record RawWebhook(ChannelRef channel, byte[] body, String providerEventId, Instant receivedAt)
    implements BusMessage {
  public RawWebhook {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
