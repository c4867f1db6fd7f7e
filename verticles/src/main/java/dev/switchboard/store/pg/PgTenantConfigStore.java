package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgRows.instant;
import static dev.switchboard.store.pg.PgRows.ts;

import dev.switchboard.engine.store.StoredTenant;
import dev.switchboard.engine.store.TenantConfigStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** API-provisioned tenants in PostgreSQL, read by every node when it (re)builds its tenant directory. */
public final class PgTenantConfigStore implements TenantConfigStore {
  private final Pool pool;

  public PgTenantConfigStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Boolean> put(StoredTenant t, boolean onlyIfAbsent) {
    String conflict = onlyIfAbsent ? "DO NOTHING"
        : "DO UPDATE SET config = EXCLUDED.config, disabled = EXCLUDED.disabled, updated_at = EXCLUDED.updated_at";
    return pool.preparedQuery("INSERT INTO tenant_configs (id, config, disabled, updated_at) VALUES ($1, $2, $3, $4) "
            + "ON CONFLICT (id) " + conflict)
        .execute(Tuple.of(t.id(), t.json(), t.disabled(), ts(t.updatedAt()))).map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<StoredTenant> get(String id) {
    return pool.preparedQuery("SELECT id, config, disabled, updated_at FROM tenant_configs WHERE id = $1")
        .execute(Tuple.of(id)).map(rows -> rows.iterator().hasNext() ? tenant(rows.iterator().next()) : null);
  }

  @Override
  public Future<List<StoredTenant>> list() {
    return pool.query("SELECT id, config, disabled, updated_at FROM tenant_configs ORDER BY id").execute()
        .map(rows -> {
          List<StoredTenant> list = new ArrayList<>();
          rows.forEach(r -> list.add(tenant(r)));
          return list;
        });
  }

  @Override
  public Future<Boolean> delete(String id) {
    return pool.preparedQuery("DELETE FROM tenant_configs WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.rowCount() == 1);
  }

  private static StoredTenant tenant(Row r) {
    return new StoredTenant(r.getString("id"), r.getString("config"), r.getBoolean("disabled"),
        instant(r, "updated_at"));
  }
}
