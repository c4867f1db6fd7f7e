package dev.switchboard.engine.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/** Durable schedules. {@link #claimDue} is the only way an occurrence runs: it is atomic across nodes. */
public interface ScheduleStore {

  /** Creates the schedule, or updates its interval keeping its next occurrence. */
  Future<Void> define(Schedule schedule);

  /**
   * Takes the occurrences due at {@code now} (at most {@code limit}) and moves each schedule to its following
   * occurrence in the same step. Returns the occurrences taken, with the time they were due.
   */
  Future<List<Schedule>> claimDue(Instant now, int limit);

  Future<List<Schedule>> list();
}
