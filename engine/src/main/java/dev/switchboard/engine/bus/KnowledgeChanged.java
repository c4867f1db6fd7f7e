package dev.switchboard.engine.bus;

import java.util.Objects;

/** Published when a tenant's knowledge entries changed, so every node's AI verticle rebuilds that tenant's index. */
public record KnowledgeChanged(String tenantId) implements BusMessage {
  public KnowledgeChanged {
    Objects.requireNonNull(tenantId, "tenantId");
  }
}
