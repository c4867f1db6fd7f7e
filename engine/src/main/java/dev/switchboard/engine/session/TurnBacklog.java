package dev.switchboard.engine.session;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Customer messages acknowledged to their provider but not answered yet, on this node. On a single node a webhook
 * is acknowledged as soon as its events are in the inbox: it does not wait for a session shard's event loop, which
 * may be busy with turns. These bounds are what keep back-pressure instead: a message holds its place until its
 * reply was tried once (or its turn settled without a reply), so acknowledgements cannot run ahead of what the
 * engine answers. When the total is reached a webhook waits for room (up to {@code waitMs}) before its 200, then
 * gets 503; a conversation with {@code maxPerConversation} unanswered messages gets 503 at once (one contact
 * flooding must not take everyone's room). A message delivered twice is held, and released, once. Shared by the
 * normalizer, session and outbound verticles: thread-safe, and a waiter resumes on its own event loop.
 */
public final class TurnBacklog {
  /** What {@link #acquire} did. */
  public enum Admission {
    /** A place was taken for this message. */
    TAKEN,
    /** The same message is already held (a redelivery while the first is in progress): nothing to release. */
    ALREADY_HELD,
    /** No room: refuse the webhook. */
    FULL
  }

  private record Waiter(String dedupeKey, String conversation, Promise<Admission> result, Context context) {
  }

  private final Vertx vertx;
  private final int maxPerConversation;
  private final int maxTotal;
  private final long waitMs;
  private final Map<String, String> held = new HashMap<>();
  private final Map<String, Integer> perConversation = new HashMap<>();
  private final Map<String, List<String>> byCommand = new HashMap<>();
  private final Set<String> awaitingReply = new HashSet<>();
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

  public TurnBacklog(Vertx vertx, int maxPerConversation, int maxTotal, long waitMs) {
    this.vertx = vertx;
    this.maxPerConversation = maxPerConversation;
    this.maxTotal = maxTotal;
    this.waitMs = waitMs;
  }

  /** Takes a place for one more message of {@code conversation}, waiting for room when the node is full. */
  public Future<Admission> acquire(String dedupeKey, String conversation) {
    Waiter waiter;
    synchronized (this) {
      if (held.containsKey(dedupeKey)) {
        return Future.succeededFuture(Admission.ALREADY_HELD);
      }
      if (perConversation.getOrDefault(conversation, 0) >= maxPerConversation) {
        return Future.succeededFuture(Admission.FULL);
      }
      if (held.size() < maxTotal && waiters.isEmpty()) {
        take(dedupeKey, conversation);
        return Future.succeededFuture(Admission.TAKEN);
      }
      waiter = new Waiter(dedupeKey, conversation, Promise.promise(), Vertx.currentContext());
      waiters.add(waiter);
    }
    vertx.setTimer(waitMs, t -> {
      boolean expired;
      synchronized (this) {
        expired = waiters.remove(waiter);
      }
      if (expired) {
        resume(waiter, Admission.FULL);
      }
    });
    return waiter.result().future();
  }

  private void take(String dedupeKey, String conversation) {
    held.put(dedupeKey, conversation);
    perConversation.merge(conversation, 1, Integer::sum);
  }

  /** Whether this message was admitted here and not released yet. */
  public synchronized boolean holds(String dedupeKey) {
    return held.containsKey(dedupeKey);
  }

  /** The turn over these messages wrote this command: they stay held until it was tried. */
  public synchronized void handOver(Collection<String> dedupeKeys, String commandId) {
    List<String> mine = dedupeKeys.stream().filter(held::containsKey).toList();
    if (!mine.isEmpty()) {
      byCommand.merge(commandId, mine, (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
      awaitingReply.addAll(mine);
    }
  }

  /** The turn over these messages settled: those not waiting for a reply are released. */
  public void settleTurn(Collection<String> dedupeKeys) {
    synchronized (this) {
      dedupeKeys.stream().filter(k -> !awaitingReply.contains(k)).forEach(this::free);
    }
    admitWaiters();
  }

  /** The command was tried once (whatever the outcome): its messages are answered as far as ingest is concerned. */
  public void commandTried(String commandId) {
    synchronized (this) {
      List<String> keys = byCommand.remove(commandId);
      if (keys == null) {
        return;
      }
      keys.forEach(this::free);
    }
    admitWaiters();
  }

  /** Releases messages regardless of replies (a turn that failed: its events stay unprocessed in the inbox). */
  public void release(Collection<String> dedupeKeys) {
    synchronized (this) {
      dedupeKeys.forEach(this::free);
    }
    admitWaiters();
  }

  private void free(String dedupeKey) {
    // A command's list may still name it; freeing it again when the command is tried is a no-op.
    awaitingReply.remove(dedupeKey);
    String conversation = held.remove(dedupeKey);
    if (conversation != null) {
      perConversation.computeIfPresent(conversation, (k, n) -> n <= 1 ? null : n - 1);
    }
  }

  private void admitWaiters() {
    List<Waiter> admitted = new ArrayList<>();
    synchronized (this) {
      while (!waiters.isEmpty() && held.size() < maxTotal) {
        Waiter w = waiters.poll();
        if (held.containsKey(w.dedupeKey())) {
          admitted.add(new Waiter(w.dedupeKey(), null, w.result(), w.context()));
        } else {
          take(w.dedupeKey(), w.conversation());
          admitted.add(w);
        }
      }
    }
    admitted.forEach(w -> resume(w, w.conversation() == null ? Admission.ALREADY_HELD : Admission.TAKEN));
  }

  private static void resume(Waiter waiter, Admission admission) {
    if (waiter.context() != null) {
      waiter.context().runOnContext(v -> waiter.result().complete(admission));
    } else {
      waiter.result().complete(admission);
    }
  }

  public synchronized int size() {
    return held.size();
  }
}
