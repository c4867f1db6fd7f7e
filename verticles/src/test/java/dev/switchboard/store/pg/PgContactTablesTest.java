package dev.switchboard.store.pg;

import static dev.switchboard.store.PgTestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.store.Stores;
import dev.switchboard.store.PgTestDatabase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every table the migrations create is either erased by a {@link PgContactSource} in {@link PgContactData#SOURCES}
 * or listed here as holding no contact data, with the reason. A new table fails this test until someone decides
 * which it is — so an erase cannot silently miss a table that a later feature adds.
 */
class PgContactTablesTest {
  /** Tables with contact data, and the source that exports and erases them. */
  private static final Map<String, Class<? extends PgContactSource>> ERASED = Map.of(
      "conversations", PgConversationRows.class,
      "messages", PgConversationRows.class,
      "audit_log", PgConversationRows.class,
      "outbox", PgOutboxRows.class,
      "inbox", PgInboxRows.class,
      "action_audit", PgActionAuditRows.class,
      "integrations", PgIntegrationRows.class,
      "bookings", PgBookingRows.class,
      "booking_reminders", PgBookingRows.class,
      "booking_dialogues", PgBookingRows.class);
  /** Tables without contact data. */
  private static final Map<String, String> NO_CONTACT_DATA = Map.ofEntries(
      Map.entry("sb_schema_version", "migration bookkeeping"),
      Map.entry("schedules", "engine jobs: ids and intervals"),
      Map.entry("tenant_schedules", "a tenant's cron jobs and their parameters (texts written by the business)"),
      Map.entry("schedule_runs", "execution log: counts per outcome"),
      Map.entry("metrics_daily", "counts per tenant, day and channel: what an erase must keep"),
      Map.entry("tenants", "tenant registry: channel and integration ids"),
      Map.entry("tenant_configs", "provisioned tenants' configuration, secrets sealed"),
      Map.entry("api_tokens", "tenant API tokens (hashes) and who created them"),
      Map.entry("knowledge", "the business's FAQ and documents"),
      Map.entry("operators", "the business's own staff (console users), not its customers"),
      Map.entry("mailbox_state", "where each polled mailbox stands: mailbox id, UIDVALIDITY, last UID, polling node and "
          + "lease"),
      Map.entry("operator_sessions", "console sessions: token hashes of staff"));

  @Test
  void everyTableIsErasedOrDeclaredFreeOfContactData() {
    Vertx vertx = Vertx.vertx();
    PgTestDatabase db = new PgTestDatabase(vertx);
    try {
      Stores stores = await(PgStores.create(vertx, db.config()));
      Pool pool = PgStores.pool(vertx, db.config());
      Set<String> tables = new TreeSet<>();
      await(pool.preparedQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 "
          + "AND table_type = 'BASE TABLE'").execute(Tuple.of(db.schema()))).forEach(r -> tables.add(r.getString(0)));
      await(pool.close());
      await(stores.close());

      Set<String> classified = new TreeSet<>(ERASED.keySet());
      classified.addAll(NO_CONTACT_DATA.keySet());
      assertThat(tables).as("a table holding a contact's id, address, name or text needs a PgContactSource in "
          + "PgContactData.SOURCES (docs/privacy.md); one holding none goes in NO_CONTACT_DATA with the reason")
          .isEqualTo(classified);
      assertThat(PgContactData.SOURCES).extracting(Object::getClass).containsAll(Set.copyOf(ERASED.values()));
    } finally {
      db.close();
      await(vertx.close());
    }
  }
}
