package dev.switchboard.store.pg;

import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.store.TenantRecord;
import dev.switchboard.engine.store.TenantStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** The tenant registry in PostgreSQL, one JSON record per tenant. */
public final class PgTenantStore implements TenantStore {
  private final Pool pool;

  public PgTenantStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> upsert(TenantRecord t) {
    return pool.preparedQuery("INSERT INTO tenants (id, record, updated_at) VALUES ($1, $2::text::jsonb, $3) "
            + "ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, updated_at = EXCLUDED.updated_at")
        .execute(Tuple.of(t.id(), Json.write(t), PgRows.ts(t.updatedAt()))).mapEmpty();
  }

  @Override
  public Future<TenantRecord> get(String id) {
    return pool.preparedQuery("SELECT record::text FROM tenants WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : Json.read(rows.iterator().next().getString(0), TenantRecord.class));
  }

  @Override
  public Future<List<TenantRecord>> list() {
    return pool.query("SELECT record::text FROM tenants ORDER BY id").execute().map(rows -> {
      List<TenantRecord> list = new ArrayList<>();
      for (Row r : rows) {
        list.add(Json.read(r.getString(0), TenantRecord.class));
      }
      return list;
    });
  }

  @Override
  public Future<Boolean> delete(String id) {
    return pool.preparedQuery("DELETE FROM tenants WHERE id = $1").execute(Tuple.of(id)).map(r -> r.rowCount() == 1);
  }
}
