package dev.switchboard.engine.store;

import dev.switchboard.engine.schedule.ScheduleRun;
import dev.switchboard.engine.schedule.TenantSchedule;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Tenant-defined schedules and their execution log. An execution needs the schedule's run lease: a scheduled
 * occurrence takes it together with moving {@code nextRunAt} on ({@link #claim}), run-now takes it alone
 * ({@link #lease}); while one holds it the other waits, so a schedule never runs twice in parallel, on one node or
 * many. A node that dies mid-run leaves the lease to expire and its RUNNING entry is closed as FAILED.
 */
public interface TenantScheduleStore {
  /** The error of an execution whose node stopped mid-run. */
  String ABANDONED = "abandoned: the node running it stopped";

  /** Creates or replaces the schedule; false when {@code onlyIfAbsent} and it exists. */
  Future<Boolean> put(TenantSchedule schedule, boolean onlyIfAbsent);

  /** The schedule, or a succeeded future holding null. */
  Future<TenantSchedule> get(String tenantId, String id);

  /** A tenant's schedules (all tenants when null), by id. */
  Future<List<TenantSchedule>> list(String tenantId);

  /** Deletes the schedule (its execution log stays); false when there was none. */
  Future<Boolean> delete(String tenantId, String id);

  /** Schedules not paused whose next occurrence is at or before {@code now} and whose lease is free. */
  Future<List<TenantSchedule>> due(Instant now, int limit);

  /**
   * Takes the occurrence at {@code expectedNext}: moves the schedule to {@code next} and takes the lease as
   * {@code runId} until {@code leaseUntil}, only if the schedule still expects that occurrence and its lease is
   * free at {@code now}. True for exactly one of any number of concurrent callers.
   */
  Future<Boolean> claim(String tenantId, String id, Instant expectedNext, Instant next, String runId,
                        Instant leaseUntil, Instant now);

  /** Takes the lease for a run-now; false while another execution holds it. */
  Future<Boolean> lease(String tenantId, String id, String runId, Instant leaseUntil, Instant now);

  /** Gives the lease back (only the holder can). */
  Future<Void> release(String tenantId, String id, String runId);

  /** Adds an entry to the execution log, or replaces the one with the same id. */
  Future<Void> record(ScheduleRun run);

  /** The execution log of one schedule (all of a tenant's when {@code scheduleId} is null), newest first. */
  Future<List<ScheduleRun>> runs(String tenantId, String scheduleId, int limit);

  /**
   * Closes as FAILED the RUNNING entries whose schedule lease is no longer held by them (their node died
   * mid-run); returns how many.
   */
  Future<Integer> closeAbandoned(Instant now);
}
