package dev.switchboard.automation;

import dev.switchboard.config.StorageConfig;
import dev.switchboard.engine.store.IntegrationStore;
import dev.switchboard.engine.store.MailboxStore;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.engine.store.memory.MemoryContactData;
import dev.switchboard.engine.store.memory.MemoryIntegrationStore;
import dev.switchboard.engine.store.memory.MemoryMailboxStore;
import dev.switchboard.store.pg.PgIntegrationStore;
import dev.switchboard.store.pg.PgMailboxStore;
import dev.switchboard.store.pg.PgStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.function.Supplier;

/**
 * The automations' stores for the configured storage mode. On PostgreSQL they use a small pool of their own, so mail
 * intake and pipeline steps never queue behind the conversations' hot path (the migrations are shared).
 */
public record AutomationStores(IntegrationStore integrations, MailboxStore mailboxes, Supplier<Future<Void>> closer) {
  private static final int POOL_SIZE = 2;

  /**
   * In memory mode the integration records are the ones the memory erase holds ({@link MemoryContactData}), so an
   * LGPD erase reaches them; on PostgreSQL the erase reads the same tables.
   */
  public static Future<AutomationStores> open(Vertx vertx, StorageConfig config, Stores stores) {
    if (config.mode() == StorageConfig.Mode.MEMORY) {
      if (!(stores.contacts() instanceof MemoryContactData contacts)) {
        return Future.failedFuture(new IllegalStateException("memory automations need the memory stores"));
      }
      return Future.succeededFuture(new AutomationStores(contacts.integrations(), new MemoryMailboxStore(),
          Future::succeededFuture));
    }
    return open(vertx, config);
  }

  /** The PostgreSQL automation stores (or memory ones of their own, that no erase reaches: for tests). */
  public static Future<AutomationStores> open(Vertx vertx, StorageConfig config) {
    if (config.mode() == StorageConfig.Mode.MEMORY) {
      return Future.succeededFuture(memory());
    }
    StorageConfig.PostgresConfig pg = config.postgres();
    Pool pool = PgStores.pool(vertx, new StorageConfig.PostgresConfig(pg.url(), POOL_SIZE, pg.inboxBatch(),
        pg.inboxInFlight(), pg.stepBatch(), pg.stepInFlight()));
    return Future.succeededFuture(new AutomationStores(new PgIntegrationStore(pool), new PgMailboxStore(pool),
        () -> pool.close()));
  }

  public static AutomationStores memory() {
    return new AutomationStores(new MemoryIntegrationStore(), new MemoryMailboxStore(), Future::succeededFuture);
  }

  public Future<Void> close() {
    return closer.get();
  }
}
