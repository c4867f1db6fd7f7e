package dev.switchboard.ai;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * At most {@code limit} calls in flight; the next {@code maxQueued} wait in order and start as calls finish. A
 * waiting call whose deadline (epoch ms, 0 for none) passes before it starts is dropped with an error, so a turn
 * that already answered with its fallback does not spend a call. Used from one event loop (the AI verticle's).
 */
final class CallGate {
  private final int limit;
  private final int maxQueued;
  private final Deque<Waiting> queue = new ArrayDeque<>();
  private int inFlight;

  private record Waiting(Supplier<Future<Object>> call, Promise<Object> promise, long deadlineMs) {
  }

  CallGate(int limit, int maxQueued) {
    this.limit = limit;
    this.maxQueued = maxQueued;
  }

  @SuppressWarnings("unchecked")
  <T> Future<T> run(Supplier<Future<T>> call, long deadlineMs) {
    if (inFlight < limit) {
      return start(call);
    }
    if (queue.size() >= maxQueued) {
      return Future.failedFuture(new IllegalStateException("AI call queue full"));
    }
    Promise<Object> promise = Promise.promise();
    Supplier<Future<Object>> erased = () -> (Future<Object>) call.get();
    queue.add(new Waiting(erased, promise, deadlineMs));
    return (Future<T>) promise.future();
  }

  int inFlight() {
    return inFlight;
  }

  int queued() {
    return queue.size();
  }

  private <T> Future<T> start(Supplier<Future<T>> call) {
    inFlight++;
    Future<T> result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result.onComplete(ar -> {
      inFlight--;
      next();
    });
  }

  private void next() {
    long now = System.currentTimeMillis();
    while (inFlight < limit && !queue.isEmpty()) {
      Waiting w = queue.poll();
      if (w.deadlineMs() > 0 && w.deadlineMs() <= now) {
        w.promise().fail(new IllegalStateException("AI call expired in the queue"));
        continue;
      }
      start(w.call()).onComplete(ar -> {
        if (ar.succeeded()) {
          w.promise().complete(ar.result());
        } else {
          w.promise().fail(ar.cause());
        }
      });
    }
  }
}
