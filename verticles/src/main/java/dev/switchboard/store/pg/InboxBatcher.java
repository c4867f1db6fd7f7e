package dev.switchboard.store.pg;

import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.store.InboxEntry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Group commit for inbox inserts. While one batch is being written, new inserts wait and go together in the
 * next single statement; with no batch in flight an insert goes at once. So under light load there is no added
 * wait at all, and under heavy load one round trip carries up to {@code maxBatch} events. Each caller still
 * learns whether its own event was new only after the commit.
 */
final class InboxBatcher {
  private static final String INSERT = "INSERT INTO inbox (dedupe_key, tenant_id, conversation_key, event, received_at) "
      + "SELECT k, t, c, e::jsonb, r FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) "
      + "WITH ORDINALITY AS u(k, t, c, e, r, o) ORDER BY o "
      + "ON CONFLICT (dedupe_key) DO NOTHING RETURNING dedupe_key";

  private record Pending(InboxEntry entry, Promise<Boolean> result) {
  }

  private final Pool pool;
  private final int maxBatch;
  private List<Pending> queue = new ArrayList<>();
  private int inFlight;
  private final int maxInFlight;

  InboxBatcher(Pool pool, int maxBatch, int maxInFlight) {
    this.pool = pool;
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
  }

  Future<Boolean> insert(InboxEntry entry) {
    Promise<Boolean> result = Promise.promise();
    List<Pending> batch = null;
    synchronized (this) {
      queue.add(new Pending(entry, result));
      if (inFlight < maxInFlight || queue.size() >= maxBatch) {
        batch = take();
      }
    }
    if (batch != null) {
      write(batch);
    }
    return result.future();
  }

  private List<Pending> take() {
    List<Pending> batch = queue;
    queue = new ArrayList<>();
    inFlight++;
    return batch;
  }

  private void write(List<Pending> batch) {
    // A key twice in one batch: only its first occurrence is written, the others are duplicates by definition.
    Map<String, Pending> firsts = new LinkedHashMap<>(); // keeps arrival order for seq
    List<Pending> repeats = new ArrayList<>();
    for (Pending p : batch) {
      if (firsts.putIfAbsent(p.entry.dedupeKey(), p) != null) {
        repeats.add(p);
      }
    }
    int n = firsts.size();
    String[] keys = new String[n];
    String[] tenants = new String[n];
    String[] conversations = new String[n];
    String[] events = new String[n];
    OffsetDateTime[] received = new OffsetDateTime[n];
    int i = 0;
    for (Pending p : firsts.values()) {
      keys[i] = p.entry.dedupeKey();
      tenants[i] = p.entry.event().source().channel().tenantId();
      conversations[i] = p.entry.event() instanceof MessageReceived m
          ? ConversationKey.of(m.source().channel(), m.contact()).asString() : null;
      events[i] = Json.write(p.entry.event());
      received[i] = p.entry.receivedAt().atOffset(ZoneOffset.UTC);
      i++;
    }
    pool.preparedQuery(INSERT).execute(Tuple.of(keys, tenants, conversations, events, received))
        .onComplete(ar -> {
          List<Pending> next = null;
          synchronized (this) {
            inFlight--;
            if (!queue.isEmpty()) {
              next = take();
            }
          }
          if (ar.succeeded()) {
            Set<String> inserted = new HashSet<>();
            for (Row row : ar.result()) {
              inserted.add(row.getString(0));
            }
            firsts.values().forEach(p -> p.result.complete(inserted.contains(p.entry.dedupeKey())));
            repeats.forEach(p -> p.result.complete(false));
          } else {
            batch.forEach(p -> p.result.fail(ar.cause()));
          }
          if (next != null) {
            write(next);
          }
        });
  }
}
