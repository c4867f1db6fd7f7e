package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgContactSource.likes;
import static dev.switchboard.store.pg.PgContactSource.patterns;

import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.ErasedRecords;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.privacy.ExportRows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code integrations}: the e-mail intake's records of the contact — sent from one of its ids (the sender address,
 * stored lower case) or whose mail or extracted fields name one of its addresses as a whole token. Kept for the
 * counts and the audit trail (id, status, step, log with external ids), with no sender, mail, fields or error text
 * ({@link ErasedRecords#integration}). The commands their steps created are found by id in
 * {@link PgContactData#resolve} and erased by {@link PgOutboxRows}.
 */
final class PgIntegrationRows implements PgContactSource {
  /** $1 tenant, $2 record ids, $3 sender addresses (lower case), $4, $5 address filters (likes, patterns). */
  static final String MATCH = "tenant_id = $1 AND (id = ANY($2::text[]) OR contact = ANY($3::text[]) "
      + "OR source || coalesce(' ' || data, '') LIKE ANY($4::text[]) "
      + "AND source || coalesce(' ' || data, '') ~ ANY($5::text[]))";
  private static final String UPDATE = "UPDATE integrations SET source_id = $2, status = $3, contact = NULL, "
      + "source = $4, data = NULL, errors = $5, waiting_on = NULL, version = $6, log = $7 WHERE id = $1";

  static Tuple matchArgs(ContactSubject subject) {
    return Tuple.from(new Object[] {subject.ref().tenantId(), subject.recordIds().toArray(new String[0]),
        subject.ref().ids().stream().map(a -> a.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new),
        likes(subject), patterns(subject)});
  }

  /** LIKE patterns for the ids of the records' outbox commands ({@link IntegrationRecord#commandPrefix}). */
  static String[] commandLikes(String tenantId, Collection<String> recordIds) {
    return recordIds.stream().map(id -> IntegrationRecord.commandPrefix(tenantId, id))
        .map(p -> p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%").toArray(String[]::new);
  }

  @Override
  public Future<JsonObject> export(SqlClient tx, ContactSubject subject) {
    return tx.preparedQuery("SELECT " + PgIntegrationStore.COLUMNS + " FROM integrations WHERE " + MATCH
            + " ORDER BY created_at, id")
        .execute(matchArgs(subject))
        .map(rows -> {
          JsonArray list = new JsonArray();
          rows.forEach(r -> list.add(ExportRows.integration(PgIntegrationStore.record(r))));
          return new JsonObject().put("integrations", list);
        });
  }

  @Override
  public Future<Map<String, Integer>> erase(SqlClient tx, ContactSubject subject, Erasure erasure) {
    return tx.preparedQuery("SELECT " + PgIntegrationStore.COLUMNS + " FROM integrations WHERE " + MATCH
            + " FOR UPDATE")
        .execute(matchArgs(subject))
        .compose(rows -> {
          List<Tuple> updates = new ArrayList<>();
          for (Row row : rows) {
            IntegrationRecord r = PgIntegrationStore.record(row);
            if (ErasedRecords.erased(r)) {
              continue;
            }
            IntegrationRecord kept = ErasedRecords.integration(r);
            updates.add(Tuple.from(new Object[] {r.id(), kept.sourceId(), kept.status().name(), kept.source(),
                new JsonArray(kept.errors()), kept.version(), PgIntegrationStore.log(kept.log())}));
          }
          return updates.isEmpty() ? Future.succeededFuture(0)
              : tx.preparedQuery(UPDATE).executeBatch(updates).map(PgContactSource::count);
        })
        .map(n -> Map.of("integrations", n));
  }
}
