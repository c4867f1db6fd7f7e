package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgRows.ts;

import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Group commit for outbox status changes (compare-and-set on the status, as one UPDATE ... FROM unnest for a whole
 * batch). {@code durable = false} is for claims (PENDING/RETRY → SENDING): a claim only has to exclude other
 * senders, which it does as soon as it commits; if a crash lost it, the command is simply still due and is sent
 * by recovery — exactly what happens to a claim that did reach the disk (SENDING is put back to RETRY). So claims
 * skip the wait for the WAL flush ({@code synchronous_commit = off} for their transaction only); settles wait.
 */
final class OutboxTransitionBatcher {
  private static final String UPDATE = "UPDATE outbox o SET command = u.c::jsonb, status = u.s, next_attempt_at = u.n, "
      + "provider_message_id = u.p FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], "
      + "$6::text[]) AS u(i, c, s, n, p, e) WHERE o.id = u.i AND o.status = u.e RETURNING o.id";

  private record Pending(CommandStatus expected, OutboundCommand next, Promise<Boolean> result) {
  }

  private final Pool pool;
  private final int maxBatch;
  private final int maxInFlight;
  private final boolean durable;
  private List<Pending> queue = new ArrayList<>();
  private int inFlight;

  OutboxTransitionBatcher(Pool pool, int maxBatch, int maxInFlight, boolean durable) {
    this.pool = pool;
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
    this.durable = durable;
  }

  Future<Boolean> transition(CommandStatus expected, OutboundCommand next) {
    Promise<Boolean> result = Promise.promise();
    List<Pending> batch = null;
    synchronized (this) {
      queue.add(new Pending(expected, next, result));
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
    List<Pending> batch;
    if (queue.size() <= maxBatch) {
      batch = queue;
      queue = new ArrayList<>();
    } else {
      batch = new ArrayList<>(queue.subList(0, maxBatch));
      queue = new ArrayList<>(queue.subList(maxBatch, queue.size()));
    }
    inFlight++;
    return batch;
  }

  private void write(List<Pending> batch) {
    // One command twice in a batch (a nudge and the due scan racing): an UPDATE changes a row once, so both would
    // look applied. The later one lost the race, as its compare-and-set would have after the first.
    Set<String> ids = new HashSet<>();
    List<Pending> rows = new ArrayList<>();
    for (Pending p : batch) {
      if (ids.add(p.next.id())) {
        rows.add(p);
      } else {
        p.result.complete(false);
      }
    }
    Tuple args = args(rows);
    Future<RowSet<Row>> update = durable ? pool.preparedQuery(UPDATE).execute(args)
        : pool.withTransaction(tx -> tx.query("SET LOCAL synchronous_commit TO OFF").execute()
            .compose(v -> tx.preparedQuery(UPDATE).execute(args)));
    update.onComplete(ar -> {
      List<Pending> next = null;
      synchronized (this) {
        inFlight--;
        if (!queue.isEmpty()) {
          next = take();
        }
      }
      if (ar.succeeded()) {
        Set<String> applied = new HashSet<>();
        ar.result().forEach(r -> applied.add(r.getString(0)));
        rows.forEach(p -> p.result.complete(applied.contains(p.next.id())));
      } else {
        rows.forEach(p -> p.result.fail(ar.cause()));
      }
      if (next != null) {
        write(next);
      }
    });
  }

  private static Tuple args(List<Pending> rows) {
    int n = rows.size();
    String[] id = new String[n];
    String[] json = new String[n];
    String[] status = new String[n];
    OffsetDateTime[] nextAt = new OffsetDateTime[n];
    String[] provider = new String[n];
    String[] expected = new String[n];
    for (int i = 0; i < n; i++) {
      OutboundCommand c = rows.get(i).next;
      id[i] = c.id();
      json[i] = Json.write(c);
      status[i] = c.status().name();
      nextAt[i] = ts(c.nextAttemptAt());
      provider[i] = c.providerMessageId();
      expected[i] = rows.get(i).expected.name();
    }
    return Tuple.from(new Object[] {id, json, status, nextAt, provider, expected});
  }
}
