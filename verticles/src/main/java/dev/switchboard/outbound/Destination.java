package dev.switchboard.outbound;

import dev.switchboard.app.config.ChannelConfig;
import dev.switchboard.app.config.IntegrationConfig;

/** Where a command goes: a channel (replies) or an integration (actions); exactly one is set. */
record Destination(ChannelConfig channel, IntegrationConfig integration) {
  String id() {
    return channel != null ? channel.id() : integration.id();
  }
}
