package dev.switchboard.config;

import java.util.List;

/**
 * A console operator defined in the configuration ({@code operators:}): a role ({@code admin} or {@code agent}), the
 * tenants they work for, and a {@code passwordHash} (from {@code PasswordHash}, usually as {@code ${ENV}}). Checked
 * when the operators are seeded at start-up, where a malformed entry stops the start.
 */
public record OperatorConfig(String username, String role, List<String> tenants, String passwordHash) {
  public OperatorConfig {
    tenants = tenants == null ? List.of() : List.copyOf(tenants);
  }
}
