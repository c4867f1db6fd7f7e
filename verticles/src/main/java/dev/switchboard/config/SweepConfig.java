package dev.switchboard.config;

/**
 * The inbox sweeper: every {@code everyMs} (one node per occurrence in a cluster), acknowledged events still
 * unprocessed {@code redriveAfterMs} after they arrived are routed to their session again. 0 for
 * {@code everyMs} turns it off (not advised: a turn that failed would then wait for a restart).
 */
public record SweepConfig(Long everyMs, Long redriveAfterMs) {
  public SweepConfig {
    everyMs = everyMs == null ? 10_000 : everyMs;
    redriveAfterMs = redriveAfterMs == null || redriveAfterMs <= 0 ? 30_000 : redriveAfterMs;
    if (everyMs < 0) {
      throw new IllegalArgumentException("scheduler.sweep.everyMs cannot be negative (0 turns the sweeper off)");
    }
  }

  public static SweepConfig defaults() {
    return new SweepConfig(null, null);
  }

  public boolean enabled() {
    return everyMs > 0;
  }
}
