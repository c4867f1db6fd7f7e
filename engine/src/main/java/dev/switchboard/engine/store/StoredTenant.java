package dev.switchboard.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A tenant created through the admin API: its configuration as the JSON it was given (the same shape as a tenant
 * in the YAML file), with every secret value encrypted; {@code disabled} tenants are kept but not served.
 */
public record StoredTenant(String id, String json, boolean disabled, Instant updatedAt) {
  public StoredTenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
