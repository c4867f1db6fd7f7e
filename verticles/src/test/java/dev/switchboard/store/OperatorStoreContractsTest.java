package dev.switchboard.store;

import dev.switchboard.engine.store.OperatorStore;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.engine.store.memory.MemoryOperatorStore;
import dev.switchboard.store.pg.PgOperatorStore;
import dev.switchboard.store.pg.PgStores;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The operator store contract against memory and PostgreSQL (a private schema, migrated like the engine's). */
class OperatorStoreContractsTest {
  static Vertx vertx;
  static PgTestDatabase db;
  static Stores stores;
  static Pool pool;

  @BeforeAll
  static void open() {
    vertx = Vertx.vertx();
    db = new PgTestDatabase(vertx);
    stores = PgTestDatabase.await(PgStores.create(vertx, db.config()));
    pool = PgStores.pool(vertx, db.config(), 2);
  }

  @AfterAll
  static void close() {
    PgTestDatabase.await(pool.close());
    PgTestDatabase.await(stores.close());
    db.close();
    PgTestDatabase.await(vertx.close());
  }

  @Nested
  class Memory extends OperatorStoreContract {
    private final OperatorStore store = new MemoryOperatorStore();

    @Override
    OperatorStore operators() {
      return store;
    }
  }

  @Nested
  class Postgres extends OperatorStoreContract {
    @Override
    OperatorStore operators() {
      return new PgOperatorStore(pool);
    }
  }
}
