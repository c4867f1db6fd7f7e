package dev.switchboard.outbound;

import dev.switchboard.config.ChannelConfig;
import dev.switchboard.config.IntegrationConfig;

/** Where a command goes: a channel (replies) or an integration (actions); exactly one is set. */
record Destination(ChannelConfig channel, IntegrationConfig integration) {
  String id() {
    return channel != null ? channel.id() : integration.id();
  }
}
