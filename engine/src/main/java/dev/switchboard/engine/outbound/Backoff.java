package dev.switchboard.engine.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (a uniform delay in [0, min(cap, base·2^attempt)]), so retries of many
 * commands after one outage spread out instead of arriving together. A provider's Retry-After is a floor: never
 * retry earlier than it asked, but never wait past the cap either. Retries stop after {@code maxAttempts} or once
 * the command is older than {@code maxAge}.
 */
public final class Backoff {
  private final Duration base;
  private final Duration cap;
  private final int maxAttempts;
  private final Duration maxAge;
  private final DoubleSupplier random;

  public Backoff(Duration base, Duration cap, int maxAttempts, Duration maxAge) {
    this(base, cap, maxAttempts, maxAge, Math::random);
  }

  public Backoff(Duration base, Duration cap, int maxAttempts, Duration maxAge, DoubleSupplier random) {
    this.base = base;
    this.cap = cap;
    this.maxAttempts = maxAttempts;
    this.maxAge = maxAge;
    this.random = random;
  }

  /** Delay before the next try, after {@code attempt} tries (1 = the first one failed). */
  public Duration next(int attempt, Duration retryAfterHint) {
    int exponent = Math.min(Math.max(attempt - 1, 0), 30);
    long ceiling = Math.min(cap.toMillis(), base.toMillis() * (1L << exponent));
    long delay = (long) (random.getAsDouble() * ceiling);
    if (retryAfterHint != null) {
      delay = Math.max(delay, Math.min(retryAfterHint.toMillis(), cap.toMillis()));
    }
    return Duration.ofMillis(delay);
  }

  public boolean exhausted(int attempts, Instant createdAt, Instant now) {
    return attempts >= maxAttempts || Duration.between(createdAt, now).compareTo(maxAge) > 0;
  }
}
