package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgRows.instant;
import static dev.switchboard.store.pg.PgRows.ts;

import dev.switchboard.engine.store.MailboxStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;

/**
 * Mailbox positions and polling leases in PostgreSQL. The claim is one INSERT … ON CONFLICT DO UPDATE with a WHERE
 * on the current lease, so of any number of nodes exactly one holds a mailbox at a time.
 */
public final class PgMailboxStore implements MailboxStore {
  private final Pool pool;

  public PgMailboxStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<State> get(String mailboxId) {
    return pool.preparedQuery("SELECT mailbox_id, uid_validity, last_uid, owner, lease_until FROM mailbox_state "
            + "WHERE mailbox_id = $1").execute(Tuple.of(mailboxId))
        .map(rows -> {
          if (!rows.iterator().hasNext()) {
            return null;
          }
          Row r = rows.iterator().next();
          return new State(r.getString("mailbox_id"), r.getLong("uid_validity"), r.getLong("last_uid"),
              r.getString("owner"), instant(r, "lease_until"));
        });
  }

  @Override
  public Future<Boolean> claim(String mailboxId, String node, Instant leaseUntil, Instant now) {
    return pool.preparedQuery("INSERT INTO mailbox_state (mailbox_id, owner, lease_until) VALUES ($1, $2, $3) "
            + "ON CONFLICT (mailbox_id) DO UPDATE SET owner = $2, lease_until = $3 WHERE mailbox_state.owner = $2 "
            + "OR mailbox_state.owner IS NULL OR mailbox_state.lease_until IS NULL OR mailbox_state.lease_until < $4")
        .execute(Tuple.of(mailboxId, node, ts(leaseUntil), ts(now)))
        .map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Boolean> advance(String mailboxId, String node, long uidValidity, long lastUid) {
    return pool.preparedQuery("UPDATE mailbox_state SET uid_validity = $3, last_uid = $4 "
            + "WHERE mailbox_id = $1 AND owner = $2")
        .execute(Tuple.of(mailboxId, node, uidValidity, lastUid))
        .map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Void> release(String mailboxId, String node) {
    return pool.preparedQuery("UPDATE mailbox_state SET owner = NULL, lease_until = NULL "
            + "WHERE mailbox_id = $1 AND owner = $2").execute(Tuple.of(mailboxId, node)).mapEmpty();
  }
}
