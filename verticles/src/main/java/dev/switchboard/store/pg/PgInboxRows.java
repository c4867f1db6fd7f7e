package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgContactSource.keys;
import static dev.switchboard.store.pg.PgContactSource.likes;
import static dev.switchboard.store.pg.PgContactSource.patterns;

import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.privacy.ExportRows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Map;

/**
 * {@code inbox}: the raw events from the contact, and any naming it (a delivery status carries the recipient's
 * number). Deleted: after processing only the dedupe reads them, and an erased message redelivered later is new.
 */
final class PgInboxRows implements PgContactSource {
  /** $1 tenant, $2 dedupe keys, $3 conversation keys, $4, $5 address filters (likes, patterns). */
  static final String MATCH = "tenant_id = $1 AND (dedupe_key = ANY($2::text[]) OR conversation_key = ANY($3::text[]) "
      + "OR event::text LIKE ANY($4::text[]) AND event::text ~ ANY($5::text[]))";

  static Tuple matchArgs(ContactSubject subject) {
    return Tuple.from(new Object[] {subject.ref().tenantId(), subject.eventKeys().toArray(new String[0]),
        keys(subject.candidateKeys()), likes(subject), patterns(subject)});
  }

  @Override
  public Future<JsonObject> export(SqlClient tx, ContactSubject subject) {
    return tx.preparedQuery("SELECT dedupe_key, event::text, received_at, processed FROM inbox WHERE " + MATCH
            + " ORDER BY seq").execute(matchArgs(subject))
        .map(rows -> {
          JsonArray list = new JsonArray();
          rows.forEach(r -> list.add(ExportRows.inbox(r.getString(0), new JsonObject(r.getString(1)),
              PgRows.instant(r, "received_at"), r.getBoolean(3))));
          return new JsonObject().put("inbox", list);
        });
  }

  @Override
  public Future<Map<String, Integer>> erase(SqlClient tx, ContactSubject subject, Erasure erasure) {
    return tx.preparedQuery("DELETE FROM inbox WHERE " + MATCH).execute(matchArgs(subject))
        .map(rows -> Map.of("inbox", rows.rowCount()));
  }
}
