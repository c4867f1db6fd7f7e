package dev.switchboard.engine.store;

import java.time.Instant;
import java.util.Objects;

/** A console sign-in: the SHA-256 of its random token (never the token), whose it is, and until when it holds. */
public record OperatorSession(String tokenHash, String username, Instant createdAt, Instant expiresAt) {
  public OperatorSession {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
