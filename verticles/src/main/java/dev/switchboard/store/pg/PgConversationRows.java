package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgContactSource.count;
import static dev.switchboard.store.pg.PgContactSource.keys;

import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Trigger;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.privacy.ExportRows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code conversations}, {@code messages} and {@code audit_log}: kept for the roll-up (it joins messages and audit to
 * conversations by key and counts them), moved to the erasure's random key, without text, address or provider ids.
 */
final class PgConversationRows implements PgContactSource {
  private static final String CONVERSATIONS = "UPDATE conversations SET conversation_key = $2, contact_id = $3, "
      + "reply_to = NULL, state = 'CLOSED', opted_out = true, flag = NULL, version = version + 1 "
      + "WHERE conversation_key = $1";
  private static final String MESSAGES = "UPDATE messages SET conversation_key = $2, body = $3, event_id = NULL "
      + "WHERE conversation_key = $1";
  private static final String AUDIT = "UPDATE audit_log SET conversation_key = $2 WHERE conversation_key = $1";

  @Override
  public Future<JsonObject> export(SqlClient tx, ContactSubject subject) {
    JsonArray conversations = new JsonArray();
    subject.conversations().forEach(c -> conversations.add(ExportRows.conversation(c)));
    JsonArray messages = new JsonArray();
    JsonArray audit = new JsonArray();
    Tuple args = Tuple.from(new Object[] {keys(subject.keys())});
    return tx.preparedQuery("SELECT conversation_key, direction, body, event_id, at FROM messages "
            + "WHERE conversation_key = ANY($1::text[]) ORDER BY id").execute(args)
        .compose(rows -> {
          rows.forEach(r -> messages.add(ExportRows.message(ConversationKey.parse(r.getString(0)),
              new Turn(Direction.valueOf(r.getString(1)), r.getString(2), r.getString(3), PgRows.instant(r, "at")))));
          return tx.preparedQuery("SELECT conversation_key, from_state, to_state, trigger, actor, at FROM audit_log "
              + "WHERE conversation_key = ANY($1::text[]) ORDER BY id").execute(args);
        })
        .map(rows -> {
          rows.forEach(r -> audit.add(ExportRows.audit(entry(r))));
          return new JsonObject().put("conversations", conversations).put("messages", messages).put("audit", audit);
        });
  }

  private static AuditEntry entry(Row r) {
    return new AuditEntry(ConversationKey.parse(r.getString(0)), ConversationState.valueOf(r.getString(1)),
        ConversationState.valueOf(r.getString(2)), Trigger.valueOf(r.getString(3)), r.getString(4),
        PgRows.instant(r, "at"));
  }

  @Override
  public Future<Map<String, Integer>> erase(SqlClient tx, ContactSubject subject, Erasure erasure) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (subject.keys().isEmpty()) {
      return Future.succeededFuture(Map.of("conversations", 0, "messages", 0, "audit", 0));
    }
    List<Tuple> conversations = new ArrayList<>();
    List<Tuple> messages = new ArrayList<>();
    List<Tuple> audit = new ArrayList<>();
    for (ConversationKey key : subject.keys()) {
      ConversationKey anonymous = erasure.anonymous(key);
      conversations.add(Tuple.of(key.asString(), anonymous.asString(), anonymous.contactId()));
      messages.add(Tuple.of(key.asString(), anonymous.asString(), Erasure.ERASED));
      audit.add(Tuple.of(key.asString(), anonymous.asString()));
    }
    return tx.preparedQuery(CONVERSATIONS).executeBatch(conversations)
        .compose(rows -> {
          counts.put("conversations", count(rows));
          return tx.preparedQuery(MESSAGES).executeBatch(messages);
        })
        .compose(rows -> {
          counts.put("messages", count(rows));
          return tx.preparedQuery(AUDIT).executeBatch(audit);
        })
        .map(rows -> {
          counts.put("audit", count(rows));
          return counts;
        });
  }
}
