package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgContactSource.keys;
import static dev.switchboard.store.pg.PgContactSource.likes;
import static dev.switchboard.store.pg.PgContactSource.patterns;

import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.ErasedRecords;
import dev.switchboard.engine.privacy.Erasure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code outbox}: every command of the contact, pending, sent or dead — on its conversations, or naming it in its
 * JSON (an action to an integration with its phone). Kept for the counts under a fresh id (the old one holds the
 * provider's event id), with no payload, recipient, error or provider id; an unsettled one becomes DEAD.
 */
final class PgOutboxRows implements PgContactSource {
  /** $1 tenant, $2 command ids, $3 conversation keys, $4, $5 address filters (likes, patterns). */
  static final String MATCH = "tenant_id = $1 AND (id = ANY($2::text[]) OR conversation_key = ANY($3::text[]) "
      + "OR command::text LIKE ANY($4::text[]) AND command::text ~ ANY($5::text[]))";
  private static final String UPDATE = "UPDATE outbox SET id = $2, conversation_key = $3, command = $4::text::jsonb, "
      + "status = $5, next_attempt_at = NULL, provider_message_id = NULL WHERE id = $1";

  static Tuple matchArgs(ContactSubject subject) {
    return Tuple.from(new Object[] {subject.ref().tenantId(), subject.commandIds().toArray(new String[0]),
        keys(subject.candidateKeys()), likes(subject), patterns(subject)});
  }

  @Override
  public Future<JsonObject> export(SqlClient tx, ContactSubject subject) {
    return tx.preparedQuery("SELECT command::text FROM outbox WHERE " + MATCH + " ORDER BY created_at, id")
        .execute(matchArgs(subject))
        .map(rows -> {
          JsonArray list = new JsonArray();
          rows.forEach(r -> list.add(new JsonObject(r.getString(0))));
          return new JsonObject().put("outbox", list);
        });
  }

  @Override
  public Future<Map<String, Integer>> erase(SqlClient tx, ContactSubject subject, Erasure erasure) {
    return tx.preparedQuery("SELECT command::text FROM outbox WHERE " + MATCH + " FOR UPDATE")
        .execute(matchArgs(subject))
        .compose(rows -> {
          List<Tuple> updates = new ArrayList<>();
          for (Row r : rows) {
            OutboundCommand c = Json.read(r.getString(0), OutboundCommand.class);
            OutboundCommand kept = ErasedRecords.command(c, erasure.commandId(c.key().tenantId()), erasure);
            updates.add(Tuple.of(c.id(), kept.id(), kept.key().asString(), Json.write(kept), kept.status().name()));
          }
          return updates.isEmpty() ? Future.succeededFuture(0)
              : tx.preparedQuery(UPDATE).executeBatch(updates).map(PgContactSource::count);
        })
        .map(n -> Map.of("outbox", n));
  }
}
