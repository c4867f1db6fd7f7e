package dev.switchboard.store.pg;

import dev.switchboard.engine.store.SessionStep;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Group commit for session steps across conversations. While a batch is being committed, the steps that arrive
 * wait and go together in the next transaction: a handful of statements and one fsync for the whole batch instead
 * of six statements and one fsync per step. With no batch in flight a step goes at once, so a quiet engine adds no
 * wait. Each caller still learns the outcome of its own step only, after the commit.
 */
final class SessionStepBatcher {
  record Pending(SessionStep step, Promise<Void> result) {
  }

  private final Pool pool;
  private final int maxBatch;
  private final int maxInFlight;
  private final Function<SessionStep, Future<Void>> single;
  private List<Pending> queue = new ArrayList<>();
  private int inFlight;

  /** {@code single} commits one step on its own: the fallback when a batch fails as a whole. */
  SessionStepBatcher(Pool pool, int maxBatch, int maxInFlight, Function<SessionStep, Future<Void>> single) {
    this.pool = pool;
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
    this.single = single;
  }

  Future<Void> commit(SessionStep step) {
    Promise<Void> result = Promise.promise();
    List<Pending> batch = null;
    synchronized (this) {
      queue.add(new Pending(step, result));
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
    Future<Void> done;
    if (batch.size() == 1) {
      done = single.apply(batch.get(0).step()).onComplete(batch.get(0).result());
    } else {
      List<SessionStep> steps = batch.stream().map(Pending::step).toList();
      done = pool.withTransaction(tx -> SessionStepWrites.commit(tx, steps))
          .map(rejected -> {
            // Committed: every step has its outcome; a rejected one wrote nothing (its claims were given back).
            for (int i = 0; i < batch.size(); i++) {
              RuntimeException refusal = rejected.get(i);
              if (refusal == null) {
                batch.get(i).result().complete();
              } else {
                batch.get(i).result().fail(refusal);
              }
            }
            return (Void) null;
          })
          .recover(e -> {
            // The batch as a whole failed (e.g. a deadlock with another node's batch, or one bad row): nothing
            // of it was written, so each step is committed alone and gets its own outcome.
            List<Future<Void>> each = new ArrayList<>();
            for (Pending p : batch) {
              each.add(single.apply(p.step()).onComplete(p.result()));
            }
            return Future.join(each).mapEmpty();
          });
    }
    done.onComplete(ar -> {
      List<Pending> next = null;
      synchronized (this) {
        inFlight--;
        if (!queue.isEmpty()) {
          next = take();
        }
      }
      if (next != null) {
        write(next);
      }
    });
  }
}
