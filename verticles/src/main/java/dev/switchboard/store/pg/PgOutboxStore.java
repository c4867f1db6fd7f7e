package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgRows.ts;

import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.store.OutboxStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Outbox in PostgreSQL: the command record as JSON plus the columns the queries need. A state change is an
 * UPDATE guarded by the expected status, so a claim is atomic across nodes.
 */
public final class PgOutboxStore implements OutboxStore {
  static final String INSERT = "INSERT INTO outbox (id, tenant_id, conversation_key, command, status, next_attempt_at, "
      + "provider_message_id, created_at) VALUES ($1, $2, $3, $4::text::jsonb, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING";
  private final Pool pool;
  private final OutboxTransitionBatcher claims;
  private final OutboxTransitionBatcher settles;

  /** {@code sends}: connections of their own for the claims and settles of the senders. */
  public PgOutboxStore(Pool pool, Pool sends) {
    this.pool = pool;
    this.claims = new OutboxTransitionBatcher(sends, 256, 1, false);
    this.settles = new OutboxTransitionBatcher(sends, 256, 1, true);
  }

  static Tuple row(OutboundCommand c) {
    return Tuple.from(new Object[] {c.id(), c.key().tenantId(), c.key().asString(), Json.write(c), c.status().name(),
        ts(c.nextAttemptAt()), c.providerMessageId(), ts(c.createdAt())});
  }

  @Override
  public Future<Boolean> addIfAbsent(OutboundCommand command) {
    return pool.preparedQuery(INSERT).execute(row(command)).map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<OutboundCommand> get(String id) {
    return pool.preparedQuery("SELECT command::text FROM outbox WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : command(rows.iterator().next()));
  }

  @Override
  public Future<List<OutboundCommand>> getAll(List<String> ids) {
    return ids.isEmpty() ? Future.succeededFuture(List.of())
        : pool.preparedQuery("SELECT command::text FROM outbox WHERE id = ANY($1)")
            .execute(Tuple.of(ids.toArray(new String[0]))).map(PgOutboxStore::commands);
  }

  /** Group-committed; a claim (→ SENDING) does not wait for the disk, see {@link OutboxTransitionBatcher}. */
  @Override
  public Future<Boolean> transition(CommandStatus expected, OutboundCommand next) {
    return (next.status() == CommandStatus.SENDING ? claims : settles).transition(expected, next);
  }

  @Override
  public Future<OutboundCommand> applyDelivery(String providerMessageId, UnaryOperator<OutboundCommand> change) {
    return pool.withTransaction(tx -> tx.preparedQuery(
            "SELECT command::text FROM outbox WHERE provider_message_id = $1 FOR UPDATE")
        .execute(Tuple.of(providerMessageId))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(null);
          }
          OutboundCommand updated = change.apply(command(rows.iterator().next()));
          return tx.preparedQuery("UPDATE outbox SET command = $2::text::jsonb WHERE id = $1")
              .execute(Tuple.of(updated.id(), Json.write(updated))).map(updated);
        }));
  }

  @Override
  public Future<List<OutboundCommand>> list(String tenantId, CommandStatus status, int limit) {
    return pool.preparedQuery("SELECT command::text FROM outbox WHERE ($1::text IS NULL OR tenant_id = $1) "
            + "AND ($2::text IS NULL OR status = $2) ORDER BY created_at DESC LIMIT $3")
        .execute(Tuple.of(tenantId, status == null ? null : status.name(), limit))
        .map(PgOutboxStore::commands);
  }

  @Override
  public Future<List<OutboundCommand>> due(Instant now, int limit) {
    return pool.preparedQuery("SELECT command::text FROM outbox WHERE status IN ('PENDING', 'RETRY', 'SENDING') "
            + "AND (next_attempt_at IS NULL OR next_attempt_at <= $1) ORDER BY created_at LIMIT $2")
        .execute(Tuple.of(ts(now), limit))
        .map(PgOutboxStore::commands);
  }

  @Override
  public Future<List<OutboundCommand>> openBefore(ConversationKey key, Instant createdAt, String id, int limit) {
    // Served by the partial index outbox_open_conversation (V9): only unsettled rows are in it.
    return pool.preparedQuery("SELECT command::text FROM outbox WHERE conversation_key = $1 "
            + "AND status IN ('PENDING', 'RETRY', 'SENDING') AND (created_at, id) < ($2, $3) "
            + "ORDER BY created_at, id LIMIT $4")
        .execute(Tuple.of(key.asString(), ts(createdAt), id, limit))
        .map(PgOutboxStore::commands);
  }

  @Override
  public Future<Integer> purgeSettled(Instant before, int limit) {
    return pool.preparedQuery("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox "
            + "WHERE status IN ('SENT', 'DEAD') AND created_at < $1 LIMIT $2)")
        .execute(Tuple.of(ts(before), limit))
        .map(rows -> rows.rowCount());
  }

  private static OutboundCommand command(Row row) {
    return Json.read(row.getString(0), OutboundCommand.class);
  }

  private static List<OutboundCommand> commands(RowSet<Row> rows) {
    List<OutboundCommand> list = new ArrayList<>();
    rows.forEach(r -> list.add(command(r)));
    return list;
  }
}
