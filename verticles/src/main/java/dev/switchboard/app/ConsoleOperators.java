package dev.switchboard.app;

import dev.switchboard.config.StorageConfig;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.edge.auth.Operators;
import dev.switchboard.engine.store.OperatorStore;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.engine.store.memory.MemoryOperatorStore;
import dev.switchboard.store.pg.PgOperatorStore;
import dev.switchboard.store.pg.PgStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.function.Predicate;

/**
 * The console's operators, seeded from the configuration. On PostgreSQL they live in their own two-connection pool
 * (the schema is already migrated by {@link PgStores}); sign-ins are rare next to turns, and the shared pool stays
 * sized for those. The pool closes with the Vert.x instance.
 */
final class ConsoleOperators {
  private ConsoleOperators() {
  }

  static Future<Operators> open(Vertx vertx, SwitchboardConfig config, Stores stores, Clock clock,
                                Predicate<String> tenantExists) {
    OperatorStore store;
    if (config.storage().mode() == StorageConfig.Mode.POSTGRES) {
      Pool pool = PgStores.pool(vertx, config.storage().postgres(), 2);
      store = new PgOperatorStore(pool);
    } else {
      store = new MemoryOperatorStore();
    }
    Operators operators = new Operators(vertx, store, stores.rateLimiter(), clock);
    return operators.seed(config.operators(), tenantExists)
        .map(operators);
  }
}
