package dev.switchboard.session;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets whoever delivered an event learn when its turn is durable (committed, or skipped as already processed).
 * The session log's consumer waits on this before it commits the record's offset; on a single node nobody
 * registers and settling is a map miss.
 */
public final class TurnCompletions {
  private final ConcurrentHashMap<String, Promise<Void>> waiting = new ConcurrentHashMap<>();

  /** Completes when a turn consuming this event settles. Registering twice shares the outcome. */
  public Future<Void> await(String dedupeKey) {
    Promise<Void> fresh = Promise.promise();
    Promise<Void> existing = waiting.putIfAbsent(dedupeKey, fresh);
    return existing != null ? existing.future() : fresh.future();
  }

  /** Called by the session when a turn over these events completed or failed. */
  public void settle(Collection<String> dedupeKeys, AsyncResult<?> outcome) {
    for (String key : dedupeKeys) {
      Promise<Void> p = waiting.remove(key);
      if (p != null) {
        if (outcome.succeeded()) {
          p.tryComplete();
        } else {
          p.tryFail(outcome.cause());
        }
      }
    }
  }

  /** Forgets a wait whose record is no longer ours (its partition moved away). */
  public void forget(String dedupeKey) {
    Promise<Void> p = waiting.remove(dedupeKey);
    if (p != null) {
      p.tryFail("partition revoked");
    }
  }
}
