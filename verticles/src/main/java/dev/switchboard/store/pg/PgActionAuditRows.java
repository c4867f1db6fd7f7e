package dev.switchboard.store.pg;

import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.privacy.ExportRows;
import dev.switchboard.engine.store.ActionAudit;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.util.Map;

/**
 * {@code action_audit}: operator actions (enqueue, replay) on the contact's outbox commands. The entry stays (who did
 * what, when), its subject — the command's old id — goes. Runs before {@link PgOutboxRows}, which replaces the ids.
 */
final class PgActionAuditRows implements PgContactSource {
  private static final String MINE = "tenant_id = $1 AND subject IN (SELECT id FROM outbox WHERE "
      + PgOutboxRows.MATCH + ")";

  @Override
  public Future<JsonObject> export(SqlClient tx, ContactSubject subject) {
    return tx.preparedQuery("SELECT tenant_id, action, subject, actor, at FROM action_audit WHERE " + MINE
            + " ORDER BY id").execute(PgOutboxRows.matchArgs(subject))
        .map(rows -> {
          JsonArray list = new JsonArray();
          rows.forEach(r -> list.add(ExportRows.action(new ActionAudit(r.getString(0), r.getString(1),
              r.getString(2), r.getString(3), PgRows.instant(r, "at")))));
          return new JsonObject().put("actions", list);
        });
  }

  @Override
  public Future<Map<String, Integer>> erase(SqlClient tx, ContactSubject subject, Erasure erasure) {
    return tx.preparedQuery("UPDATE action_audit SET subject = '" + Erasure.ERASED + "' WHERE " + MINE)
        .execute(PgOutboxRows.matchArgs(subject))
        .map(rows -> Map.of("actions", rows.rowCount()));
  }
}
