package dev.switchboard.store.pg;

import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.event.NormalizedEvent;
import dev.switchboard.engine.store.InboxEntry;
import dev.switchboard.engine.store.InboxStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** The inbox in PostgreSQL: the primary key on the dedupe key makes the (batched) insert the dedupe. */
public final class PgInboxStore implements InboxStore {
  private final Pool pool;
  private final InboxBatcher batcher;

  /** {@code ingest}: the connections the batched inserts use, apart from everything else. */
  public PgInboxStore(Pool pool, Pool ingest, int maxBatch, int maxInFlight) {
    this.pool = pool;
    this.batcher = new InboxBatcher(ingest, maxBatch, maxInFlight);
  }

  @Override
  public Future<Boolean> insertIfAbsent(InboxEntry entry) {
    return batcher.insert(entry);
  }

  @Override
  public Future<Void> remove(String dedupeKey) {
    return pool.preparedQuery("DELETE FROM inbox WHERE dedupe_key = $1 AND NOT processed")
        .execute(Tuple.of(dedupeKey)).mapEmpty();
  }

  @Override
  public Future<Void> markProcessed(List<String> dedupeKeys) {
    if (dedupeKeys.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery("UPDATE inbox SET processed = true WHERE dedupe_key = ANY($1::text[])")
        .execute(Tuple.of(dedupeKeys.toArray(new String[0]))).mapEmpty();
  }

  @Override
  public Future<Set<String>> processedAmong(List<String> dedupeKeys) {
    if (dedupeKeys.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    return pool.preparedQuery("SELECT dedupe_key FROM inbox WHERE dedupe_key = ANY($1::text[]) AND processed")
        .execute(Tuple.of(dedupeKeys.toArray(new String[0]))).map(rows -> {
          Set<String> done = new HashSet<>();
          rows.forEach(r -> done.add(r.getString(0)));
          return done;
        });
  }

  @Override
  public Future<List<InboxEntry>> unprocessed(int limit) {
    return pool.preparedQuery("SELECT event::text, received_at FROM inbox WHERE NOT processed ORDER BY seq LIMIT $1")
        .execute(Tuple.of(limit)).map(rows -> {
          List<InboxEntry> list = new ArrayList<>();
          for (Row row : rows) {
            list.add(new InboxEntry(Json.read(row.getString(0), NormalizedEvent.class),
                row.getOffsetDateTime(1).toInstant(), false));
          }
          return list;
        });
  }

  @Override
  public Future<Long> countUnprocessed() {
    return pool.query("SELECT count(*) FROM inbox WHERE NOT processed").execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** In batches, so one purge never holds many row locks or one long transaction. */
  @Override
  public Future<Integer> purgeProcessed(Instant before, int limit) {
    return pool.preparedQuery("DELETE FROM inbox WHERE dedupe_key IN (SELECT dedupe_key FROM inbox "
            + "WHERE processed AND received_at < $1 LIMIT $2)")
        .execute(Tuple.of(PgRows.ts(before), limit))
        .map(rows -> rows.rowCount());
  }
}
