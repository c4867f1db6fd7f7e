package dev.switchboard.engine.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A durable recurring job: {@code job} names what runs (e.g. {@code idle-close}), {@code tenantId} is null for
 * engine-wide jobs, {@code nextRunAt} is the next occurrence. Claiming an occurrence moves {@code nextRunAt} on,
 * so each occurrence runs once however many schedulers look.
 */
public record Schedule(String id, String tenantId, String job, Duration interval, Instant nextRunAt) {
  public Schedule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(nextRunAt, "nextRunAt");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
  }

  /** The next occurrence after one scheduled at {@code nextRunAt} ran at {@code now}: never in the past. */
  public Instant following(Instant now) {
    Instant next = nextRunAt.plus(interval);
    return next.isAfter(now) ? next : now.plus(interval);
  }
}
