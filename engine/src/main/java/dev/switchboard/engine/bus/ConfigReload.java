package dev.switchboard.engine.bus;

import java.util.Objects;

/** Broadcast: every node reads its configuration again; {@code origin} (the node that asked) already has. */
public record ConfigReload(String origin) implements BusMessage {
  public ConfigReload {
    Objects.requireNonNull(origin, "origin");
  }
}
