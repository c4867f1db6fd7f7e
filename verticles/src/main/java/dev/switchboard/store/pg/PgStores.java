package dev.switchboard.store.pg;

import dev.switchboard.engine.health.DependencyCheck;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.config.StorageConfig;
import dev.switchboard.engine.store.memory.MemoryRateLimiter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.List;

/** Opens the pool, applies migrations, and builds every PostgreSQL store on the one pool. */
public final class PgStores {
  private PgStores() {
  }

  public static Pool pool(Vertx vertx, StorageConfig.PostgresConfig config) {
    return pool(vertx, config, config.poolSize());
  }

  public static Pool pool(Vertx vertx, StorageConfig.PostgresConfig config, int size) {
    PgConnectOptions connect = PgConnectOptions.fromUri(config.url()).setPipeliningLimit(256);
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setShared(false))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }

  public static Future<Stores> create(Vertx vertx, StorageConfig.PostgresConfig config) {
    Pool pool = pool(vertx, config);
    // Inbox inserts get connections of their own: the acknowledgement of a webhook must not queue behind the
    // session steps and sends of earlier ones when processing is busy; it waits only for its own commit.
    Pool ingest = pool(vertx, config, config.inboxInFlight());
    // Outbox status changes likewise: sends must not wait behind the session steps of newer messages.
    Pool sends = pool(vertx, config, 2);
    return PgMigrations.apply(pool)
        .map(v -> new Stores(new PgInboxStore(pool, ingest, config.inboxBatch(), config.inboxInFlight()),
            new PgConversationStore(pool, config.stepBatch(), config.stepInFlight()), new PgOutboxStore(pool, sends),
            new PgAuditStore(pool), new PgScheduleStore(pool), new PgTenantScheduleStore(pool),
            new PgReportStore(pool), new PgTenantStore(pool), new PgTenantConfigStore(pool),
            new PgApiTokenStore(pool),
            new PgKnowledgeStore(pool),
            new MemoryRateLimiter(),
            List.of(new DependencyCheck("postgres", true, () -> pool.query("SELECT 1").execute().mapEmpty())),
            () -> Future.join(pool.close(), ingest.close(), sends.close()).mapEmpty(),
            new PgContactData(pool), new PgBookingStore(pool)))
        .recover(e -> Future.join(pool.close(), ingest.close(), sends.close()).transform(ignored -> Future.failedFuture(e)));
  }
}
