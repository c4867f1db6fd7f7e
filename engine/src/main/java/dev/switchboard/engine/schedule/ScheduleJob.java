package dev.switchboard.engine.schedule;

import java.util.Arrays;
import java.util.Optional;

/** What a tenant schedule runs. */
public enum ScheduleJob {
  /** Messages customers who went quiet in a BOT conversation. */
  FOLLOW_UP("follow-up"),
  /** Builds a report for a period and e-mails it as attachments. */
  REPORT("report"),
  /** Rolls the tenant's events up into {@code metrics_daily}. */
  ROLLUP("rollup");

  private final String wire;

  ScheduleJob(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<ScheduleJob> fromWire(String value) {
    return Arrays.stream(values()).filter(j -> j.wire.equals(value)).findFirst();
  }
}
