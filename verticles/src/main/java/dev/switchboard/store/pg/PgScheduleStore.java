package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgRows.ts;

import dev.switchboard.engine.store.Schedule;
import dev.switchboard.engine.store.ScheduleStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Schedules in PostgreSQL; a claim locks due rows with SKIP LOCKED, so concurrent schedulers never share one. */
public final class PgScheduleStore implements ScheduleStore {
  // The next occurrence is the old one plus the interval, or now plus the interval when that is already past.
  private static final String CLAIM = "WITH due AS (SELECT id, next_run_at FROM schedules WHERE next_run_at <= $1 "
      + "ORDER BY next_run_at LIMIT $2 FOR UPDATE SKIP LOCKED) "
      + "UPDATE schedules s SET next_run_at = CASE WHEN due.next_run_at + s.interval_ms * interval '1 millisecond' > $1 "
      + "THEN due.next_run_at + s.interval_ms * interval '1 millisecond' "
      + "ELSE $1 + s.interval_ms * interval '1 millisecond' END FROM due WHERE s.id = due.id "
      + "RETURNING s.id, s.tenant_id, s.job, s.interval_ms, due.next_run_at";
  private final Pool pool;

  public PgScheduleStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> define(Schedule s) {
    return pool.preparedQuery("INSERT INTO schedules (id, tenant_id, job, interval_ms, next_run_at) "
            + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, "
            + "job = EXCLUDED.job, interval_ms = EXCLUDED.interval_ms")
        .execute(Tuple.of(s.id(), s.tenantId(), s.job(), s.interval().toMillis(), ts(s.nextRunAt())))
        .mapEmpty();
  }

  @Override
  public Future<List<Schedule>> claimDue(Instant now, int limit) {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(ts(now), limit)).map(PgScheduleStore::schedules);
  }

  @Override
  public Future<List<Schedule>> list() {
    return pool.query("SELECT id, tenant_id, job, interval_ms, next_run_at FROM schedules ORDER BY id").execute()
        .map(PgScheduleStore::schedules);
  }

  private static List<Schedule> schedules(RowSet<Row> rows) {
    List<Schedule> list = new ArrayList<>();
    for (Row r : rows) {
      list.add(new Schedule(r.getString(0), r.getString(1), r.getString(2), Duration.ofMillis(r.getLong(3)),
          r.getOffsetDateTime(4).toInstant()));
    }
    return list;
  }
}
