package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgRows.instant;
import static dev.switchboard.store.pg.PgRows.ts;

import dev.switchboard.engine.automation.IntegrationLogEntry;
import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import dev.switchboard.engine.store.IntegrationStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Integration records in PostgreSQL; {@link #replace} is one UPDATE conditional on the version. */
public final class PgIntegrationStore implements IntegrationStore {
  static final String COLUMNS = "id, tenant_id, channel_id, source_id, rule_id, status, step, contact, source, "
      + "data, errors, waiting_on, version, created_at, updated_at, log";
  private final Pool pool;

  public PgIntegrationStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Boolean> addIfAbsent(IntegrationRecord r) {
    return pool.preparedQuery("INSERT INTO integrations (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
            + "$10, $11, $12, $13, $14, $15, $16) ON CONFLICT (id) DO NOTHING")
        .execute(Tuple.from(new Object[] {r.id(), r.tenantId(), r.channelId(), r.sourceId(), r.ruleId(),
            r.status().name(), r.step(), r.contact(), r.source(), r.data(), new JsonArray(r.errors()), r.waitingOn(),
            r.version(), ts(r.createdAt()), ts(r.updatedAt()), log(r.log())}))
        .map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<IntegrationRecord> get(String id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM integrations WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.iterator().hasNext() ? record(rows.iterator().next()) : null);
  }

  @Override
  public Future<Boolean> replace(IntegrationRecord r) {
    return pool.preparedQuery("UPDATE integrations SET rule_id = $2, status = $3, step = $4, contact = $5, "
            + "source = $6, data = $7, errors = $8, waiting_on = $9, version = $10, updated_at = $11, log = $12 "
            + "WHERE id = $1 AND version = $10 - 1")
        .execute(Tuple.from(new Object[] {r.id(), r.ruleId(), r.status().name(), r.step(), r.contact(), r.source(),
            r.data(), new JsonArray(r.errors()), r.waitingOn(), r.version(), ts(r.updatedAt()), log(r.log())}))
        .map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<List<IntegrationRecord>> list(Query q) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM integrations WHERE ($1::text IS NULL OR tenant_id = $1) "
            + "AND ($2::text IS NULL OR status = $2) AND ($3::timestamptz IS NULL OR created_at >= $3) "
            + "AND ($4::timestamptz IS NULL OR created_at < $4) ORDER BY created_at DESC, id LIMIT $5")
        .execute(Tuple.of(q.tenantId(), q.status() == null ? null : q.status().name(), ts(q.from()), ts(q.to()),
            q.limit()))
        .map(PgIntegrationStore::records);
  }

  @Override
  public Future<List<IntegrationRecord>> pending(Instant afterUpdatedAt, String afterId, int limit) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM integrations WHERE status = 'PENDING' "
            + "AND ($1::timestamptz IS NULL OR (updated_at, id) > ($1, $2)) ORDER BY updated_at, id LIMIT $3")
        .execute(Tuple.of(ts(afterUpdatedAt), afterId == null ? "" : afterId, limit))
        .map(PgIntegrationStore::records);
  }

  private static List<IntegrationRecord> records(RowSet<Row> rows) {
    List<IntegrationRecord> out = new ArrayList<>();
    rows.forEach(row -> out.add(record(row)));
    return out;
  }

  static IntegrationRecord record(Row row) {
    List<String> errors = new ArrayList<>();
    ((JsonArray) row.getValue("errors")).forEach(e -> errors.add(String.valueOf(e)));
    List<IntegrationLogEntry> log = new ArrayList<>();
    ((JsonArray) row.getValue("log")).forEach(o -> {
      JsonObject e = (JsonObject) o;
      log.add(new IntegrationLogEntry(e.getInteger("step"), e.getString("stepType"), e.getInteger("attempt"),
          Instant.parse(e.getString("at")), e.getString("outcome"), e.getString("error"), e.getString("externalId")));
    });
    return new IntegrationRecord(row.getString("id"), row.getString("tenant_id"), row.getString("channel_id"),
        row.getString("source_id"), row.getString("rule_id"), IntegrationStatus.valueOf(row.getString("status")),
        row.getInteger("step"), row.getString("contact"), row.getString("source"), row.getString("data"), errors,
        row.getString("waiting_on"), row.getLong("version"), instant(row, "created_at"), instant(row, "updated_at"),
        log);
  }

  static JsonArray log(List<IntegrationLogEntry> log) {
    JsonArray out = new JsonArray();
    log.forEach(e -> out.add(new JsonObject().put("step", e.step()).put("stepType", e.stepType())
        .put("attempt", e.attempt()).put("at", e.at().toString()).put("outcome", e.outcome()).put("error", e.error())
        .put("externalId", e.externalId())));
    return out;
  }
}
