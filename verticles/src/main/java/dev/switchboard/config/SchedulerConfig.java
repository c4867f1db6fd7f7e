package dev.switchboard.config;

/**
 * The scheduler: {@code pollMs} is how often it claims due occurrences; {@code tickMs} is the interval of the
 * built-in idle-close job; {@code retention} drives the built-in retention job; {@code sweep} the inbox sweeper.
 */
public record SchedulerConfig(long tickMs, long pollMs, RetentionConfig retention, SweepConfig sweep) {
  public SchedulerConfig {
    tickMs = tickMs <= 0 ? 30_000 : tickMs;
    pollMs = pollMs <= 0 ? Math.min(1000, tickMs) : pollMs;
    retention = retention == null ? RetentionConfig.defaults() : retention;
    sweep = sweep == null ? SweepConfig.defaults() : sweep;
  }
}
