package dev.switchboard.engine.store;

import io.vertx.core.Future;
import java.time.Instant;

/**
 * Where each mailbox's reading stands (UIDVALIDITY and the last UID handed on) and which node may poll it: a lease
 * taken with a conditional update, renewed on every poll, free again when it runs out (a stopped node).
 */
public interface MailboxStore {

  /** The mailbox's position; {@code uidValidity} 0 when it was never read. */
  record State(String mailboxId, long uidValidity, long lastUid, String owner, Instant leaseUntil) {
  }

  /** The state, or a succeeded future holding null when the mailbox was never claimed. */
  Future<State> get(String mailboxId);

  /** Takes or renews the lease for {@code node} unless another node holds it past {@code now}; true when held. */
  Future<Boolean> claim(String mailboxId, String node, Instant leaseUntil, Instant now);

  /** Records the position, only while {@code node} still holds the lease; true when written. */
  Future<Boolean> advance(String mailboxId, String node, long uidValidity, long lastUid);

  /** Gives the lease up (a node stopping cleanly hands the mailbox over at once). */
  Future<Void> release(String mailboxId, String node);
}
