package dev.switchboard.engine.bus;

import java.util.Objects;

/**
 * An operator pressed run-now on a schedule. Replied with {@link Started} once the execution holds the schedule's
 * run lease (it then runs on), or failed CONFLICT while another execution of it runs, NOT_FOUND when there is none.
 */
public record ScheduleRunNow(String tenantId, String scheduleId, String actor) implements BusMessage {
  public ScheduleRunNow {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(scheduleId, "scheduleId");
  }

  /** The id of the execution, as the execution log will show it. */
  public record Started(String runId) implements BusMessage {
  }
}
