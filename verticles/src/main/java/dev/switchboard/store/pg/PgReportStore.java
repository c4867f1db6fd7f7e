package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgRows.ts;

import dev.switchboard.engine.report.ActivityFacts;
import dev.switchboard.engine.report.MetricsDay;
import dev.switchboard.engine.store.ReportStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The roll-up's reads and {@code metrics_daily} in PostgreSQL. Reads return keys, directions and times only (no
 * message text). A day is replaced in one transaction, so readers see the old rows or the new, never half.
 */
public final class PgReportStore implements ReportStore {
  private static final String MESSAGES = "SELECT m.conversation_key, c.channel_id, m.direction, m.at FROM messages m "
      + "JOIN conversations c ON c.conversation_key = m.conversation_key "
      + "WHERE c.tenant_id = $1 AND m.at >= $2 AND m.at < $3";
  private static final String TRANSITIONS = "SELECT a.conversation_key, c.channel_id, a.to_state, a.trigger, a.at "
      + "FROM audit_log a JOIN conversations c ON c.conversation_key = a.conversation_key "
      + "WHERE c.tenant_id = $1 AND a.at >= $2 AND a.at < $3";
  private static final String ACTIONS = "SELECT conversation_key, command->>'channelType' AS channel_type, "
      + "command->'key'->>'channelId' AS target, status, created_at FROM outbox "
      + "WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3";
  private static final String DAY_COLUMNS = "tenant_id, day, channel_id, conversations, messages_in, messages_out, "
      + "handoffs, ai_fallbacks, first_responses, first_response_sum_ms, first_response_p50_ms, first_response_p90_ms, "
      + "actions_sent, actions_failed, actions_pending";
  private final Pool pool;

  public PgReportStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<ActivityFacts> activity(String tenantId, Instant from, Instant to) {
    Tuple range = Tuple.of(tenantId, ts(from), ts(to));
    List<ActivityFacts.MessageFact> messages = new ArrayList<>();
    List<ActivityFacts.TransitionFact> transitions = new ArrayList<>();
    List<ActivityFacts.ActionFact> actions = new ArrayList<>();
    return pool.preparedQuery(MESSAGES).execute(range).compose(rows -> {
      rows.forEach(r -> messages.add(new ActivityFacts.MessageFact(r.getString(0), r.getString(1),
          "INBOUND".equals(r.getString(2)), r.getOffsetDateTime(3).toInstant())));
      return pool.preparedQuery(TRANSITIONS).execute(range);
    }).compose(rows -> {
      rows.forEach(r -> transitions.add(new ActivityFacts.TransitionFact(r.getString(0), r.getString(1),
          r.getString(2), r.getString(3), r.getOffsetDateTime(4).toInstant())));
      return pool.preparedQuery(ACTIONS).execute(range);
    }).map(rows -> {
      rows.forEach(r -> actions.add(new ActivityFacts.ActionFact(r.getString("target"),
          r.getString("channel_type") == null, r.getString("status"), r.getOffsetDateTime("created_at").toInstant())));
      return new ActivityFacts(messages, transitions, actions);
    });
  }

  @Override
  public Future<Void> replaceDay(String tenantId, LocalDate day, List<MetricsDay> rows) {
    // Two roll-ups of one day at once (a report and the roll-up schedule) would both delete, then both insert: the
    // second would hit the primary key. A transaction-scoped advisory lock on (tenant, day) makes them take turns.
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))")
        .execute(Tuple.of("metrics_daily|" + tenantId + "|" + day))
        .compose(locked -> conn.preparedQuery("DELETE FROM metrics_daily WHERE tenant_id = $1 AND day = $2")
            .execute(Tuple.of(tenantId, day)))
        .compose(v -> rows.isEmpty() ? Future.succeededFuture() : conn.preparedQuery("INSERT INTO metrics_daily ("
                + DAY_COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)")
            .executeBatch(rows.stream().map(PgReportStore::tuple).toList()))
        .mapEmpty());
  }

  private static Tuple tuple(MetricsDay d) {
    return Tuple.from(new Object[] {d.tenantId(), d.day(), d.channelId(), d.conversations(), d.messagesIn(),
        d.messagesOut(), d.handoffs(), d.aiFallbacks(), d.firstResponses(), d.firstResponseSumMs(),
        d.firstResponseP50Ms(), d.firstResponseP90Ms(), d.actionsSent(), d.actionsFailed(), d.actionsPending()});
  }

  @Override
  public Future<List<MetricsDay>> daily(String tenantId, LocalDate from, LocalDate to) {
    return pool.preparedQuery("SELECT " + DAY_COLUMNS + " FROM metrics_daily WHERE tenant_id = $1 AND day >= $2 "
            + "AND day <= $3 ORDER BY day, channel_id")
        .execute(Tuple.of(tenantId, from, to))
        .map(rows -> {
          List<MetricsDay> list = new ArrayList<>();
          rows.forEach(r -> list.add(day(r)));
          return list;
        });
  }

  private static MetricsDay day(Row r) {
    return new MetricsDay(r.getString(0), r.getLocalDate(1), r.getString(2), r.getLong(3), r.getLong(4),
        r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11),
        r.getLong(12), r.getLong(13), r.getLong(14));
  }
}
