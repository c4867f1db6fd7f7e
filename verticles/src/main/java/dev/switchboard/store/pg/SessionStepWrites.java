package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgRows.ts;

import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.store.SessionStep;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statements of a batch of session steps, inside one transaction: claim every step's inbox events, give back
 * the claims of any step another writer already processed an event of, then one multi-row statement per table for
 * the rest (rows in array order, so messages keep their order).
 */
final class SessionStepWrites {
  private static final String CLAIM = "UPDATE inbox SET processed = true WHERE dedupe_key = ANY($1::text[]) "
      + "AND NOT processed RETURNING dedupe_key";
  private static final String PROCESSED = "SELECT dedupe_key FROM inbox WHERE dedupe_key = ANY($1::text[]) AND processed";
  private static final String UNCLAIM = "UPDATE inbox SET processed = false WHERE dedupe_key = ANY($1::text[])";
  private static final String CONVERSATIONS = "INSERT INTO conversations (" + PgRows.CONVERSATION_COLUMNS + ") "
      + "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[], "
      + "$8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::int8[], $12::text[]) "
      + "ON CONFLICT (conversation_key) DO UPDATE SET state = EXCLUDED.state, reply_to = EXCLUDED.reply_to, "
      + "opted_out = EXCLUDED.opted_out, last_inbound_at = EXCLUDED.last_inbound_at, "
      + "last_activity_at = EXCLUDED.last_activity_at, version = EXCLUDED.version, flag = EXCLUDED.flag";
  private static final String MESSAGES = "INSERT INTO messages (conversation_key, direction, body, event_id, at) "
      + "SELECT k, d, b, e, a FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) "
      + "WITH ORDINALITY AS u(k, d, b, e, a, o) ORDER BY o";
  private static final String AUDIT = "INSERT INTO audit_log (conversation_key, from_state, to_state, trigger, actor, at) "
      + "SELECT k, f, t, g, a, w FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], "
      + "$6::timestamptz[]) WITH ORDINALITY AS u(k, f, t, g, a, w, o) ORDER BY o";
  private static final String OUTBOX = "INSERT INTO outbox (id, tenant_id, conversation_key, command, status, "
      + "next_attempt_at, provider_message_id, created_at) SELECT i, t, k, c::jsonb, s, n, p, w FROM unnest($1::text[], "
      + "$2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::timestamptz[]) "
      + "WITH ORDINALITY AS u(i, t, k, c, s, n, p, w, o) ORDER BY o ON CONFLICT (id) DO NOTHING";

  private SessionStepWrites() {
  }

  /** Writes the steps; answers, by index, the steps refused because another writer processed one of their events. */
  static Future<Map<Integer, RuntimeException>> commit(SqlClient tx, List<SessionStep> steps) {
    List<String> keys = new ArrayList<>();
    steps.forEach(s -> keys.addAll(s.processedDedupeKeys()));
    return claim(tx, keys).compose(refused -> {
      Map<Integer, RuntimeException> rejected = new HashMap<>();
      List<String> giveBack = new ArrayList<>();
      List<SessionStep> accepted = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        SessionStep step = steps.get(i);
        Set<String> theirs = new HashSet<>(step.processedDedupeKeys());
        theirs.retainAll(refused);
        if (theirs.isEmpty()) {
          accepted.add(step);
        } else {
          rejected.put(i, new SessionStep.AlreadyProcessed(theirs));
          step.processedDedupeKeys().stream().filter(k -> !refused.contains(k)).forEach(giveBack::add);
        }
      }
      Future<Void> unclaim = giveBack.isEmpty() ? Future.succeededFuture()
          : tx.preparedQuery(UNCLAIM).execute(Tuple.of(giveBack.toArray(new String[0]))).mapEmpty();
      return unclaim.compose(v -> write(tx, accepted)).map(rejected);
    });
  }

  /** Claims the events; answers those another writer had already processed (they were not ours to claim). */
  private static Future<Set<String>> claim(SqlClient tx, List<String> keys) {
    if (keys.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    Tuple args = Tuple.of(keys.toArray(new String[0]));
    return tx.preparedQuery(CLAIM).execute(args).compose(claimed -> {
      Set<String> mine = new HashSet<>();
      claimed.forEach(r -> mine.add(r.getString(0)));
      if (mine.size() == keys.size()) {
        return Future.succeededFuture(Set.<String>of());
      }
      return tx.preparedQuery(PROCESSED).execute(args).map(rows -> {
        Set<String> others = new HashSet<>();
        for (Row r : rows) {
          if (!mine.contains(r.getString(0))) {
            others.add(r.getString(0));
          }
        }
        return others;
      });
    });
  }

  private static Future<Void> write(SqlClient tx, List<SessionStep> steps) {
    if (steps.isEmpty()) {
      return Future.succeededFuture();
    }
    Tuple messages = messages(steps);
    Tuple audit = audit(steps);
    Tuple outbox = outbox(steps);
    return tx.preparedQuery(CONVERSATIONS).execute(conversations(steps))
        .compose(v -> run(tx, MESSAGES, messages))
        .compose(v -> run(tx, AUDIT, audit))
        .compose(v -> run(tx, OUTBOX, outbox));
  }

  private static Future<Void> run(SqlClient tx, String sql, Tuple rows) {
    return rows.size() == 0 ? Future.succeededFuture() : tx.preparedQuery(sql).execute(rows).mapEmpty();
  }

  private static Tuple conversations(List<SessionStep> steps) {
    int n = steps.size();
    String[] key = new String[n];
    String[] tenant = new String[n];
    String[] channel = new String[n];
    String[] contact = new String[n];
    String[] state = new String[n];
    String[] replyTo = new String[n];
    Boolean[] optedOut = new Boolean[n];
    OffsetDateTime[] created = new OffsetDateTime[n];
    OffsetDateTime[] inbound = new OffsetDateTime[n];
    OffsetDateTime[] activity = new OffsetDateTime[n];
    Long[] version = new Long[n];
    String[] flag = new String[n];
    for (int i = 0; i < n; i++) {
      Conversation c = steps.get(i).conversation();
      key[i] = c.key().asString();
      tenant[i] = c.key().tenantId();
      channel[i] = c.key().channelId();
      contact[i] = c.key().contactId();
      state[i] = c.state().name();
      replyTo[i] = c.replyTo();
      optedOut[i] = c.optedOut();
      created[i] = ts(c.createdAt());
      inbound[i] = ts(c.lastInboundAt());
      activity[i] = ts(c.lastActivityAt());
      version[i] = c.version();
      flag[i] = c.flag();
    }
    return Tuple.from(new Object[] {key, tenant, channel, contact, state, replyTo, optedOut, created, inbound,
        activity, version, flag});
  }

  /** One row set per table; a zero-size tuple when there is nothing to write. */
  private static Tuple messages(List<SessionStep> steps) {
    List<String> key = new ArrayList<>();
    List<String> direction = new ArrayList<>();
    List<String> body = new ArrayList<>();
    List<String> event = new ArrayList<>();
    List<OffsetDateTime> at = new ArrayList<>();
    for (SessionStep s : steps) {
      for (Turn t : s.messages()) {
        key.add(s.conversation().key().asString());
        direction.add(t.direction().name());
        body.add(t.text());
        event.add(t.eventId());
        at.add(ts(t.at()));
      }
    }
    return key.isEmpty() ? Tuple.tuple() : Tuple.of(key.toArray(new String[0]), direction.toArray(new String[0]),
        body.toArray(new String[0]), event.toArray(new String[0]), at.toArray(new OffsetDateTime[0]));
  }

  private static Tuple audit(List<SessionStep> steps) {
    List<String> key = new ArrayList<>();
    List<String> from = new ArrayList<>();
    List<String> to = new ArrayList<>();
    List<String> trigger = new ArrayList<>();
    List<String> actor = new ArrayList<>();
    List<OffsetDateTime> at = new ArrayList<>();
    for (SessionStep s : steps) {
      for (AuditEntry a : s.audit()) {
        key.add(a.key().asString());
        from.add(a.from().name());
        to.add(a.to().name());
        trigger.add(a.trigger().name());
        actor.add(a.actor());
        at.add(ts(a.at()));
      }
    }
    return key.isEmpty() ? Tuple.tuple() : Tuple.of(key.toArray(new String[0]), from.toArray(new String[0]),
        to.toArray(new String[0]), trigger.toArray(new String[0]), actor.toArray(new String[0]),
        at.toArray(new OffsetDateTime[0]));
  }

  private static Tuple outbox(List<SessionStep> steps) {
    List<OutboundCommand> all = new ArrayList<>();
    steps.forEach(s -> all.addAll(s.commands()));
    int n = all.size();
    if (n == 0) {
      return Tuple.tuple();
    }
    String[] id = new String[n];
    String[] tenant = new String[n];
    String[] key = new String[n];
    String[] json = new String[n];
    String[] status = new String[n];
    OffsetDateTime[] next = new OffsetDateTime[n];
    String[] provider = new String[n];
    OffsetDateTime[] created = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      OutboundCommand c = all.get(i);
      id[i] = c.id();
      tenant[i] = c.key().tenantId();
      key[i] = c.key().asString();
      json[i] = Json.write(c);
      status[i] = c.status().name();
      next[i] = ts(c.nextAttemptAt());
      provider[i] = c.providerMessageId();
      created[i] = ts(c.createdAt());
    }
    return Tuple.from(new Object[] {id, tenant, key, json, status, next, provider, created});
  }
}
