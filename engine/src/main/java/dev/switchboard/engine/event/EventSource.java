package dev.switchboard.engine.event;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an event came from and the provider's own id for it. {@code eventId} is what dedupe keys on:
 * the same provider event delivered twice has the same id.
 */
public record EventSource(ChannelRef channel, String eventId, Instant occurredAt) {
  public EventSource {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(eventId, "eventId");
    if (eventId.isBlank()) throw new IllegalArgumentException("eventId must not be blank");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** The inbox's unique key: (tenant, channel, provider event id). */
  public String dedupeKey() {
    return channel.tenantId() + '|' + channel.channelId() + '|' + eventId;
  }
}
