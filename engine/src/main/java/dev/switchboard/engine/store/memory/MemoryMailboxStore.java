package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.store.MailboxStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Mailbox positions and leases in memory (embedded mode: one process, so the lease is always its own). */
public final class MemoryMailboxStore implements MailboxStore {
  private final Map<String, State> states = new HashMap<>();

  @Override
  public synchronized Future<State> get(String mailboxId) {
    return Future.succeededFuture(states.get(mailboxId));
  }

  @Override
  public synchronized Future<Boolean> claim(String mailboxId, String node, Instant leaseUntil, Instant now) {
    State s = states.get(mailboxId);
    if (s != null && !node.equals(s.owner()) && s.leaseUntil() != null && !s.leaseUntil().isBefore(now)) {
      return Future.succeededFuture(false);
    }
    states.put(mailboxId, new State(mailboxId, s == null ? 0 : s.uidValidity(), s == null ? 0 : s.lastUid(), node,
        leaseUntil));
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<Boolean> advance(String mailboxId, String node, long uidValidity, long lastUid) {
    State s = states.get(mailboxId);
    if (s == null || !Objects.equals(node, s.owner())) {
      return Future.succeededFuture(false);
    }
    states.put(mailboxId, new State(mailboxId, uidValidity, lastUid, s.owner(), s.leaseUntil()));
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<Void> release(String mailboxId, String node) {
    State s = states.get(mailboxId);
    if (s != null && node.equals(s.owner())) {
      states.put(mailboxId, new State(mailboxId, s.uidValidity(), s.lastUid(), null, null));
    }
    return Future.succeededFuture();
  }
}
