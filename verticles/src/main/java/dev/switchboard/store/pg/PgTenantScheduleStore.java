package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgRows.instant;
import static dev.switchboard.store.pg.PgRows.ts;

import dev.switchboard.engine.schedule.CatchUp;
import dev.switchboard.engine.schedule.RunStatus;
import dev.switchboard.engine.schedule.RunTrigger;
import dev.switchboard.engine.schedule.ScheduleJob;
import dev.switchboard.engine.schedule.ScheduleRun;
import dev.switchboard.engine.schedule.TenantSchedule;
import dev.switchboard.engine.store.TenantScheduleStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tenant schedules in PostgreSQL. Claim and lease are single conditional UPDATEs: the row's current
 * {@code next_run_at} and lease decide, so of any number of nodes exactly one gets each occurrence.
 */
public final class PgTenantScheduleStore implements TenantScheduleStore {
  private static final String COLUMNS = "tenant_id, id, name, cron, zone, job, params, catch_up, paused, next_run_at, "
      + "origin, updated_at";
  private static final String RUN_COLUMNS = "id, schedule_id, tenant_id, job, trigger, occurrence, started_at, "
      + "ended_at, status, error, summary, node";
  private static final String LEASE_FREE = "(lease_until IS NULL OR lease_until < $5)";
  private final Pool pool;

  public PgTenantScheduleStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Boolean> put(TenantSchedule s, boolean onlyIfAbsent) {
    String conflict = onlyIfAbsent ? "DO NOTHING" : "DO UPDATE SET name = EXCLUDED.name, cron = EXCLUDED.cron, "
        + "zone = EXCLUDED.zone, job = EXCLUDED.job, params = EXCLUDED.params, catch_up = EXCLUDED.catch_up, "
        + "paused = EXCLUDED.paused, next_run_at = EXCLUDED.next_run_at, origin = EXCLUDED.origin, "
        + "updated_at = EXCLUDED.updated_at";
    return pool.preparedQuery("INSERT INTO tenant_schedules (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, "
            + "$8, $9, $10, $11, $12) ON CONFLICT (tenant_id, id) " + conflict)
        .execute(Tuple.from(new Object[] {s.tenantId(), s.id(), s.name(), s.cron(), s.zone(), s.job().wire(),
            new JsonObject(s.params()), s.catchUp().wire(), s.paused(), ts(s.nextRunAt()), s.origin(),
            ts(s.updatedAt())}))
        .map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<TenantSchedule> get(String tenantId, String id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM tenant_schedules WHERE tenant_id = $1 AND id = $2")
        .execute(Tuple.of(tenantId, id))
        .map(rows -> rows.iterator().hasNext() ? schedule(rows.iterator().next()) : null);
  }

  @Override
  public Future<List<TenantSchedule>> list(String tenantId) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM tenant_schedules WHERE $1::text IS NULL OR tenant_id = $1 "
            + "ORDER BY tenant_id, id")
        .execute(Tuple.of(tenantId))
        .map(rows -> {
          List<TenantSchedule> list = new ArrayList<>();
          rows.forEach(r -> list.add(schedule(r)));
          return list;
        });
  }

  @Override
  public Future<Boolean> delete(String tenantId, String id) {
    return pool.preparedQuery("DELETE FROM tenant_schedules WHERE tenant_id = $1 AND id = $2")
        .execute(Tuple.of(tenantId, id)).map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<List<TenantSchedule>> due(Instant now, int limit) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM tenant_schedules WHERE NOT paused AND next_run_at <= $1 "
            + "AND (lease_until IS NULL OR lease_until < $1) ORDER BY next_run_at LIMIT $2")
        .execute(Tuple.of(ts(now), limit))
        .map(rows -> {
          List<TenantSchedule> list = new ArrayList<>();
          rows.forEach(r -> list.add(schedule(r)));
          return list;
        });
  }

  @Override
  public Future<Boolean> claim(String tenantId, String id, Instant expectedNext, Instant next, String runId,
                               Instant leaseUntil, Instant now) {
    return pool.preparedQuery("UPDATE tenant_schedules SET next_run_at = $6, lease_run = $3, lease_until = $4 "
            + "WHERE tenant_id = $1 AND id = $2 AND NOT paused AND next_run_at = $7 AND " + LEASE_FREE)
        .execute(Tuple.from(new Object[] {tenantId, id, runId, ts(leaseUntil), ts(now), ts(next), ts(expectedNext)}))
        .map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Boolean> lease(String tenantId, String id, String runId, Instant leaseUntil, Instant now) {
    return pool.preparedQuery("UPDATE tenant_schedules SET lease_run = $3, lease_until = $4 "
            + "WHERE tenant_id = $1 AND id = $2 AND " + LEASE_FREE)
        .execute(Tuple.of(tenantId, id, runId, ts(leaseUntil), ts(now)))
        .map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Void> release(String tenantId, String id, String runId) {
    return pool.preparedQuery("UPDATE tenant_schedules SET lease_run = NULL, lease_until = NULL "
            + "WHERE tenant_id = $1 AND id = $2 AND lease_run = $3")
        .execute(Tuple.of(tenantId, id, runId)).mapEmpty();
  }

  @Override
  public Future<Void> record(ScheduleRun r) {
    return pool.preparedQuery("INSERT INTO schedule_runs (" + RUN_COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, "
            + "$8, $9, $10, $11, $12) ON CONFLICT (id) DO UPDATE SET ended_at = EXCLUDED.ended_at, "
            + "status = EXCLUDED.status, error = EXCLUDED.error, summary = EXCLUDED.summary")
        .execute(Tuple.from(new Object[] {r.id(), r.scheduleId(), r.tenantId(), r.job().wire(), r.trigger().name(),
            ts(r.occurrence()), ts(r.startedAt()), ts(r.endedAt()), r.status().name(), r.error(),
            new JsonObject(r.summary()), r.node()}))
        .mapEmpty();
  }

  @Override
  public Future<List<ScheduleRun>> runs(String tenantId, String scheduleId, int limit) {
    return pool.preparedQuery("SELECT " + RUN_COLUMNS + " FROM schedule_runs WHERE tenant_id = $1 "
            + "AND ($2::text IS NULL OR schedule_id = $2) ORDER BY started_at DESC, id LIMIT $3")
        .execute(Tuple.of(tenantId, scheduleId, limit))
        .map(rows -> {
          List<ScheduleRun> list = new ArrayList<>();
          rows.forEach(r -> list.add(run(r)));
          return list;
        });
  }

  @Override
  public Future<Integer> closeAbandoned(Instant now) {
    // A RUNNING entry whose schedule's lease is no longer its own (expired, taken since, or the schedule deleted).
    return pool.preparedQuery("UPDATE schedule_runs r SET status = 'FAILED', ended_at = $1, error = $2 "
            + "WHERE r.status = 'RUNNING' AND NOT EXISTS (SELECT 1 FROM tenant_schedules s WHERE s.tenant_id = "
            + "r.tenant_id AND s.id = r.schedule_id AND s.lease_run = r.id AND s.lease_until >= $1)")
        .execute(Tuple.of(ts(now), ABANDONED)).map(rows -> rows.rowCount());
  }

  private static TenantSchedule schedule(Row r) {
    return new TenantSchedule(r.getString("id"), r.getString("tenant_id"), r.getString("name"), r.getString("cron"),
        r.getString("zone"), ScheduleJob.fromWire(r.getString("job")).orElseThrow(),
        ((JsonObject) r.getValue("params")).getMap(), CatchUp.fromWire(r.getString("catch_up")).orElseThrow(),
        r.getBoolean("paused"), instant(r, "next_run_at"), r.getString("origin"),
        instant(r, "updated_at"));
  }

  private static ScheduleRun run(Row r) {
    return new ScheduleRun(r.getString("id"), r.getString("schedule_id"), r.getString("tenant_id"),
        ScheduleJob.fromWire(r.getString("job")).orElseThrow(), RunTrigger.valueOf(r.getString("trigger")),
        instant(r, "occurrence"), instant(r, "started_at"),
        instant(r, "ended_at"), RunStatus.valueOf(r.getString("status")), r.getString("error"),
        ((JsonObject) r.getValue("summary")).getMap(), r.getString("node"));
  }
}
