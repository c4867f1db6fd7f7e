package dev.switchboard.store;

import dev.switchboard.automation.AutomationStores;
import dev.switchboard.config.StorageConfig;
import dev.switchboard.engine.store.IntegrationStore;
import dev.switchboard.engine.store.MailboxStore;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.store.pg.PgStores;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The automation store contracts against memory and a real PostgreSQL (migrations applied as at start-up). */
class AutomationStoreContractsTest {
  static Vertx vertx;
  static PgTestDatabase db;
  static AutomationStores pg;
  static Stores main;

  @BeforeAll
  static void open() {
    vertx = Vertx.vertx();
    db = new PgTestDatabase(vertx);
    main = PgTestDatabase.await(PgStores.create(vertx, db.config()));
    pg = PgTestDatabase.await(AutomationStores.open(vertx,
        new StorageConfig(StorageConfig.Mode.POSTGRES, 0, 0, db.config(), null)));
  }

  @AfterAll
  static void close() {
    PgTestDatabase.await(pg.close());
    PgTestDatabase.await(main.close());
    db.close();
    PgTestDatabase.await(vertx.close());
  }

  @Nested
  class MemoryIntegrations extends IntegrationStoreContract {
    private final IntegrationStore store = AutomationStores.memory().integrations();

    @Override
    IntegrationStore store() {
      return store;
    }
  }

  @Nested
  class PostgresIntegrations extends IntegrationStoreContract {
    @Override
    IntegrationStore store() {
      return pg.integrations();
    }
  }

  @Nested
  class MemoryMailboxes extends MailboxStoreContract {
    private final MailboxStore store = AutomationStores.memory().mailboxes();

    @Override
    MailboxStore store() {
      return store;
    }
  }

  @Nested
  class PostgresMailboxes extends MailboxStoreContract {
    @Override
    MailboxStore store() {
      return pg.mailboxes();
    }
  }
}
