package dev.switchboard.engine.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the registry knows of a tenant: its channels and integrations by id and type, and when configuration last
 * changed it. Never secrets: tokens and keys stay in configuration and the environment, not at rest in a table.
 */
public record TenantRecord(String id, String aiProvider, long idleTimeoutSeconds, List<Endpoint> endpoints,
                           Instant updatedAt) {
  public TenantRecord {
    Objects.requireNonNull(id, "id");
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A channel ({@code kind} channel) or integration ({@code kind} integration), with its type and sender. */
  public record Endpoint(String id, String kind, String type, String sender) {
    public Endpoint {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(type, "type");
    }
  }
}
