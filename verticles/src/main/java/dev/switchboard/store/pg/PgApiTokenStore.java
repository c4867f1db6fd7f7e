package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgRows.instant;
import static dev.switchboard.store.pg.PgRows.ts;

import dev.switchboard.engine.store.ApiToken;
import dev.switchboard.engine.store.ApiTokenStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Tenant API tokens in PostgreSQL; every node reads the same rows, so a revocation holds everywhere at once. */
public final class PgApiTokenStore implements ApiTokenStore {
  private static final String COLUMNS = "id, tenant_id, name, secret_hash, created_by, created_at, revoked_at";
  private final Pool pool;

  public PgApiTokenStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> add(ApiToken t) {
    return pool.preparedQuery("INSERT INTO api_tokens (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .execute(Tuple.of(t.id(), t.tenantId(), t.name(), t.secretHash(), t.createdBy(), ts(t.createdAt()),
            ts(t.revokedAt())))
        .mapEmpty();
  }

  @Override
  public Future<ApiToken> find(String id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM api_tokens WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.iterator().hasNext() ? token(rows.iterator().next()) : null);
  }

  @Override
  public Future<List<ApiToken>> list(String tenantId) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM api_tokens WHERE tenant_id = $1 ORDER BY created_at DESC")
        .execute(Tuple.of(tenantId))
        .map(rows -> {
          List<ApiToken> list = new ArrayList<>();
          rows.forEach(r -> list.add(token(r)));
          return list;
        });
  }

  @Override
  public Future<Boolean> revoke(String tenantId, String id, Instant at) {
    return pool.preparedQuery("UPDATE api_tokens SET revoked_at = $3 WHERE tenant_id = $1 AND id = $2 "
            + "AND revoked_at IS NULL")
        .execute(Tuple.of(tenantId, id, ts(at))).map(rows -> rows.rowCount() == 1);
  }

  private static ApiToken token(Row r) {
    return new ApiToken(r.getString("id"), r.getString("tenant_id"), r.getString("name"), r.getString("secret_hash"),
        r.getString("created_by"), instant(r, "created_at"), instant(r, "revoked_at"));
  }
}
