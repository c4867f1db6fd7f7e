package dev.switchboard.config;

/**
 * The scheduler: {@code pollMs} is how often it claims due occurrences; {@code tickMs} is the interval of the
 * built-in idle-close job; {@code retention} drives the built-in retention job; {@code sweep} the inbox sweeper.
 * Tenant schedules: an occurrence later than {@code misfireGraceMs} counts as missed (its catch-up policy applies);
 * an execution holds its schedule for at most {@code runLeaseMs} (a node that dies mid-run frees it then).
 */
public record SchedulerConfig(long tickMs, long pollMs, RetentionConfig retention, SweepConfig sweep,
                              long misfireGraceMs, long runLeaseMs) {
  public SchedulerConfig {
    misfireGraceMs = misfireGraceMs <= 0 ? 300_000 : misfireGraceMs;
    runLeaseMs = runLeaseMs <= 0 ? 600_000 : runLeaseMs;
    tickMs = tickMs <= 0 ? 30_000 : tickMs;
    pollMs = pollMs <= 0 ? Math.min(1000, tickMs) : pollMs;
    retention = retention == null ? RetentionConfig.defaults() : retention;
    sweep = sweep == null ? SweepConfig.defaults() : sweep;
  }
}
