package dev.switchboard.store.pg;

import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.privacy.ContactDataStore;
import dev.switchboard.engine.privacy.ContactRef;
import dev.switchboard.engine.privacy.ContactSources;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.Erasure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Data-subject requests in PostgreSQL: an export reads every source in one REPEATABLE READ snapshot; an erase changes
 * every source in one transaction, so a crash leaves all of it or none of it done, and a retry finishes the job. The
 * lookups by text (addresses inside payloads) scan the inbox and outbox, which retention keeps to weeks: an erase is
 * rare, and an index on the hot insert path for it would not pay.
 */
public final class PgContactData implements ContactDataStore {
  /** In order: the action audit before the outbox (it finds actions by the commands' old ids). */
  static final List<PgContactSource> SOURCES = List.of(new PgConversationRows(), new PgActionAuditRows(),
      new PgOutboxRows(), new PgInboxRows(), new PgIntegrationRows(),
      new PgBookingRows());
  private final Pool pool;
  private final List<PgContactSource> sources;

  public PgContactData(Pool pool) {
    this(pool, SOURCES);
  }

  PgContactData(Pool pool, List<PgContactSource> sources) {
    this.pool = pool;
    this.sources = List.copyOf(sources);
  }

  @Override
  public Future<ContactSubject> resolve(ContactRef ref, Set<String> channelIds) {
    return pool.preparedQuery("SELECT " + PgRows.CONVERSATION_COLUMNS + " FROM conversations WHERE tenant_id = $1 "
            + "AND contact_id = ANY($2::text[]) ORDER BY created_at")
        .execute(Tuple.from(new Object[] {ref.tenantId(), ref.ids().toArray(new String[0])}))
        .compose(rows -> {
          List<Conversation> found = new ArrayList<>();
          rows.forEach(r -> found.add(PgRows.conversation(r)));
          ContactSubject subject = ContactSubject.of(ref, found, channelIds);
          return ids("SELECT dedupe_key FROM inbox WHERE " + PgInboxRows.MATCH, PgInboxRows.matchArgs(subject))
              .compose(events -> ids("SELECT id FROM outbox WHERE " + PgOutboxRows.MATCH,
                  PgOutboxRows.matchArgs(subject))
                  .compose(commands -> ids(PgBookingRows.CALENDAR_COMMANDS, PgBookingRows.matchArgs(subject))
                      .map(calendar -> union(commands, calendar)))
                  .map(commands -> subject.withHoldings(events, commands)))
              .compose(this::withIntegrations);
        });
  }

  /** The contact's integration records, and the outbox commands their steps created (by id: a Trello card). */
  private Future<ContactSubject> withIntegrations(ContactSubject subject) {
    return ids("SELECT id FROM integrations WHERE " + PgIntegrationRows.MATCH, PgIntegrationRows.matchArgs(subject))
        .compose(records -> records.isEmpty() ? Future.succeededFuture(subject) : ids("SELECT id FROM outbox "
                + "WHERE tenant_id = $1 AND id LIKE ANY($2::text[])", Tuple.from(new Object[] {subject.ref().tenantId(),
                PgIntegrationRows.commandLikes(subject.ref().tenantId(), records)}))
            .map(steps -> subject.withHoldings(subject.eventKeys(), union(subject.commandIds(), steps))
                .withRecords(records)));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    return out;
  }

  private Future<Set<String>> ids(String sql, Tuple args) {
    return pool.preparedQuery(sql).execute(args).map(rows -> {
      Set<String> out = new HashSet<>();
      rows.forEach(r -> out.add(r.getString(0)));
      return out;
    });
  }

  @Override
  public Future<JsonObject> export(ContactSubject subject) {
    return pool.withTransaction(tx -> tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").execute()
        .compose(v -> ContactSources.exportAll(sources, s -> s.export(tx, subject))));
  }

  @Override
  public Future<Map<String, Integer>> erase(ContactSubject subject, Erasure erasure) {
    return pool.withTransaction(tx -> ContactSources.eraseAll(sources, s -> s.erase(tx, subject, erasure)));
  }
}
