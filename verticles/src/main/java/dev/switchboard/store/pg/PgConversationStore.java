package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgRows.ts;

import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.store.ConversationStore;
import dev.switchboard.engine.store.SessionStep;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;

/** Conversations, messages and the session step's transactional outbox in PostgreSQL. */
public final class PgConversationStore implements ConversationStore {
  private static final String UPSERT = "INSERT INTO conversations (" + PgRows.CONVERSATION_COLUMNS + ") "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (conversation_key) DO UPDATE SET "
      + "state = EXCLUDED.state, reply_to = EXCLUDED.reply_to, opted_out = EXCLUDED.opted_out, "
      + "last_inbound_at = EXCLUDED.last_inbound_at, last_activity_at = EXCLUDED.last_activity_at, "
      + "version = EXCLUDED.version, flag = EXCLUDED.flag";
  private static final String INSERT_MESSAGE =
      "INSERT INTO messages (conversation_key, direction, body, event_id, at) VALUES ($1, $2, $3, $4, $5)";
  private static final String INSERT_AUDIT = "INSERT INTO audit_log (conversation_key, from_state, to_state, trigger, "
      + "actor, at) VALUES ($1, $2, $3, $4, $5, $6)";
  private final Pool pool;
  private final SessionStepBatcher batcher;

  public PgConversationStore(Pool pool, int stepBatch, int stepInFlight) {
    this.pool = pool;
    this.batcher = new SessionStepBatcher(pool, stepBatch, stepInFlight, this::commitAlone);
  }

  @Override
  public Future<Conversation> find(ConversationKey key) {
    return pool.preparedQuery("SELECT " + PgRows.CONVERSATION_COLUMNS + " FROM conversations WHERE conversation_key = $1")
        .execute(Tuple.of(key.asString()))
        .map(rows -> rows.size() == 0 ? null : PgRows.conversation(rows.iterator().next()));
  }

  /** Group-committed with the other conversations' steps that are ready at the same time. */
  @Override
  public Future<Void> commit(SessionStep step) {
    return batcher.commit(step);
  }

  /** One step in a transaction of its own. */
  private Future<Void> commitAlone(SessionStep step) {
    return pool.withTransaction(tx -> claimEvents(tx, step.processedDedupeKeys())
        .compose(v -> upsert(tx, step.conversation()))
        .compose(v -> batch(tx, INSERT_MESSAGE, messageRows(step)))
        .compose(v -> batch(tx, INSERT_AUDIT, auditRows(step)))
        .compose(v -> batch(tx, PgOutboxStore.INSERT, step.commands().stream().map(PgOutboxStore::row).toList())));
  }

  /**
   * Marks the step's inbox events processed, first, and fails the transaction if any was already processed by
   * someone else. The UPDATE skips (and, under a concurrent claim, waits for) rows already processed, so of two
   * nodes running the same redelivered event exactly one commits.
   */
  private static Future<Void> claimEvents(SqlClient tx, List<String> keys) {
    if (keys.isEmpty()) {
      return Future.succeededFuture();
    }
    Tuple args = Tuple.of(keys.toArray(new String[0]));
    return tx.preparedQuery("UPDATE inbox SET processed = true WHERE dedupe_key = ANY($1::text[]) AND NOT processed "
            + "RETURNING dedupe_key").execute(args)
        .compose(claimed -> {
          Set<String> mine = new HashSet<>();
          claimed.forEach(r -> mine.add(r.getString(0)));
          if (mine.size() == keys.size()) {
            return Future.succeededFuture();
          }
          return tx.preparedQuery("SELECT dedupe_key FROM inbox WHERE dedupe_key = ANY($1::text[]) AND processed")
              .execute(args).compose(rows -> {
                Set<String> others = new HashSet<>();
                rows.forEach(r -> {
                  if (!mine.contains(r.getString(0))) {
                    others.add(r.getString(0));
                  }
                });
                return others.isEmpty() ? Future.succeededFuture()
                    : Future.failedFuture(new SessionStep.AlreadyProcessed(others));
              });
        });
  }

  private static Future<Void> upsert(SqlClient tx, Conversation c) {
    ConversationKey k = c.key();
    return tx.preparedQuery(UPSERT).execute(Tuple.from(new Object[] {k.asString(), k.tenantId(), k.channelId(),
        k.contactId(), c.state().name(), c.replyTo(), c.optedOut(), ts(c.createdAt()), ts(c.lastInboundAt()),
        ts(c.lastActivityAt()), c.version(), c.flag()})).mapEmpty();
  }

  private static Future<Void> batch(SqlClient tx, String sql, List<Tuple> rows) {
    return rows.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(sql).executeBatch(rows).mapEmpty();
  }

  private static List<Tuple> messageRows(SessionStep step) {
    String key = step.conversation().key().asString();
    List<Tuple> rows = new ArrayList<>();
    for (Turn t : step.messages()) {
      rows.add(Tuple.of(key, t.direction().name(), t.text(), t.eventId(), ts(t.at())));
    }
    return rows;
  }

  private static List<Tuple> auditRows(SessionStep step) {
    List<Tuple> rows = new ArrayList<>();
    for (AuditEntry a : step.audit()) {
      rows.add(Tuple.of(a.key().asString(), a.from().name(), a.to().name(), a.trigger().name(), a.actor(), ts(a.at())));
    }
    return rows;
  }

  @Override
  public Future<List<Turn>> messages(ConversationKey key, int limit) {
    return pool.preparedQuery("SELECT direction, body, event_id, at FROM (SELECT * FROM messages "
            + "WHERE conversation_key = $1 ORDER BY id DESC LIMIT $2) m ORDER BY id")
        .execute(Tuple.of(key.asString(), limit))
        .map(rows -> {
          List<Turn> turns = new ArrayList<>();
          for (Row r : rows) {
            turns.add(new Turn(Direction.valueOf(r.getString(0)), r.getString(1), r.getString(2),
                PgRows.instant(r, "at")));
          }
          return turns;
        });
  }

  @Override
  public Future<List<Conversation>> list(String tenantId, ConversationState state, int limit) {
    return pool.preparedQuery("SELECT " + PgRows.CONVERSATION_COLUMNS + " FROM conversations WHERE tenant_id = $1 "
            + "AND ($2::text IS NULL OR state = $2) ORDER BY last_activity_at DESC LIMIT $3")
        .execute(Tuple.of(tenantId, state == null ? null : state.name(), limit))
        .map(PgConversationStore::conversations);
  }

  @Override
  public Future<List<Conversation>> idleSince(Instant cutoff, int limit) {
    return pool.preparedQuery("SELECT " + PgRows.CONVERSATION_COLUMNS + " FROM conversations WHERE state <> 'CLOSED' "
            + "AND last_activity_at < $1 ORDER BY last_activity_at LIMIT $2")
        .execute(Tuple.of(ts(cutoff), limit))
        .map(PgConversationStore::conversations);
  }

  private static List<Conversation> conversations(Iterable<Row> rows) {
    List<Conversation> list = new ArrayList<>();
    rows.forEach(r -> list.add(PgRows.conversation(r)));
    return list;
  }
}
