package dev.switchboard.engine.event;

import java.util.Objects;

/** Which tenant and configured channel a payload arrived on. */
public record ChannelRef(String tenantId, String channelId, ChannelType type) {
  public ChannelRef {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(type, "type");
  }
}
