package dev.switchboard.engine.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person who signs in to the console: a role and the tenants they work for. Only a password hash is kept (see
 * {@code PasswordHash}); {@code source} says whether the configuration or the admin API defined them.
 */
public record Operator(String username, String passwordHash, Role role, Set<String> tenants, String source,
                       Instant createdAt) {
  private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,62}$");

  /** What an operator may do in their tenants: {@link #ADMIN} also manages operators and operations. */
  public enum Role {
    ADMIN, AGENT;

    public static Role of(String text) {
      try {
        return valueOf(text.toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("role must be admin or agent");
      }
    }

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Operator {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException("username: 2-63 of a-z 0-9 . _ -, starting with a letter or digit");
    }
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(role, "role");
    if (tenants == null || tenants.isEmpty()) {
      throw new IllegalArgumentException("an operator works for at least one tenant");
    }
    tenants = Set.copyOf(tenants);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
