package dev.switchboard.store.pg;

import dev.switchboard.engine.ai.knowledge.KnowledgeEntry;
import dev.switchboard.engine.store.KnowledgeStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Knowledge entries in PostgreSQL (table {@code knowledge}, migration V7). */
public final class PgKnowledgeStore implements KnowledgeStore {
  private final Pool pool;

  public PgKnowledgeStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<List<KnowledgeEntry>> list(String tenantId) {
    return pool.preparedQuery("SELECT id, title, body FROM knowledge WHERE tenant_id = $1 ORDER BY id")
        .execute(Tuple.of(tenantId)).map(rows -> {
          List<KnowledgeEntry> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new KnowledgeEntry(r.getString(0), r.getString(1), r.getString(2)));
          }
          return out;
        });
  }

  @Override
  public Future<Void> put(String tenantId, KnowledgeEntry e) {
    return pool.preparedQuery("INSERT INTO knowledge (tenant_id, id, title, body) VALUES ($1, $2, $3, $4) "
            + "ON CONFLICT (tenant_id, id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, updated_at = now()")
        .execute(Tuple.of(tenantId, e.id(), e.title(), e.text())).mapEmpty();
  }

  @Override
  public Future<Boolean> delete(String tenantId, String id) {
    return pool.preparedQuery("DELETE FROM knowledge WHERE tenant_id = $1 AND id = $2").execute(Tuple.of(tenantId, id))
        .map(rows -> rows.rowCount() > 0);
  }
}
