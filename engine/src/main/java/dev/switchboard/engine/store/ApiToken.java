package dev.switchboard.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token scoped to one tenant, as stored: its public {@code id}, a {@code name} for people, and only the
 * SHA-256 of its secret part ({@code secretHash}, hex). The token itself is shown once, when it is created.
 */
public record ApiToken(String id, String tenantId, String name, String secretHash, String createdBy,
                       Instant createdAt, Instant revokedAt) {
  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(secretHash, "secretHash");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
