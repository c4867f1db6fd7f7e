package dev.switchboard.engine.session;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One ordered mailbox per key: tasks of a key run one at a time in submission order, tasks of different keys
 * run concurrently. Bounded per key and in total; a key's entry is released as soon as its mailbox is idle.
 * Not thread-safe: owned by one event-loop context (one session shard).
 */
public final class KeyedMailboxes<K> {
  private final int maxPerKey;
  private final int maxTotal;
  private final Map<K, Slot> slots = new HashMap<>();
  private int total;

  public KeyedMailboxes(int maxPerKey, int maxTotal) {
    this.maxPerKey = maxPerKey;
    this.maxTotal = maxTotal;
  }

  private static final class Slot {
    Future<Void> tail = Future.succeededFuture();
    int pending;
  }

  /** True when a task for this key can be accepted now; {@code reserved} counts work held outside (debounce). */
  public boolean hasRoom(K key, int reserved) {
    Slot slot = slots.get(key);
    int pending = (slot == null ? 0 : slot.pending) + reserved;
    return pending < maxPerKey && total + reserved < maxTotal;
  }

  /**
   * Queues a task behind the key's earlier ones. Returns the task's own outcome, or a failed future with
   * {@link MailboxFullException} when a bound is reached (nothing is queued then).
   */
  public <T> Future<T> submit(K key, Supplier<Future<T>> task) {
    return submit(key, task, true);
  }

  /**
   * Queues a task whose work was already admitted against a bound kept elsewhere (acknowledged messages: refusing
   * them here would drop them), in order behind the key's earlier tasks.
   */
  public <T> Future<T> submitAdmitted(K key, Supplier<Future<T>> task) {
    return submit(key, task, false);
  }

  private <T> Future<T> submit(K key, Supplier<Future<T>> task, boolean bounded) {
    Slot slot = slots.computeIfAbsent(key, k -> new Slot());
    if (bounded && (slot.pending >= maxPerKey || total >= maxTotal)) {
      if (slot.pending == 0) {
        slots.remove(key);
      }
      return Future.failedFuture(new MailboxFullException());
    }
    slot.pending++;
    total++;
    Promise<T> result = Promise.promise();
    Promise<Void> done = Promise.promise();
    Future<Void> previous = slot.tail;
    slot.tail = done.future();
    previous.onComplete(ignored -> {
      Future<T> run;
      try {
        run = task.get();
      } catch (RuntimeException e) {
        run = Future.failedFuture(e);
      }
      run.onComplete(ar -> {
        slot.pending--;
        total--;
        if (slot.pending == 0) {
          slots.remove(key, slot);
        }
        done.complete();
        result.handle(ar);
      });
    });
    return result.future();
  }

  /** Tasks queued or running, all keys. */
  public int pending() {
    return total;
  }

  /** Keys with a non-idle mailbox. */
  public int activeKeys() {
    return slots.size();
  }

  /** Thrown (as a failed future) when a mailbox or the shard is at its bound. */
  public static final class MailboxFullException extends RuntimeException {
    public MailboxFullException() {
      super("mailbox full", null, false, false);
    }
  }
}
