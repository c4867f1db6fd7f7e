package dev.switchboard.store;

import dev.switchboard.config.StorageConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import io.vertx.sqlclient.Tuple;
import java.util.function.Function;

/**
 * A real PostgreSQL on 127.0.0.1 for tests ({@code SB_PG_URL}, default the CI database). Each user gets a schema
 * of its own, named in the returned URL's search_path, and drops it when done.
 */
public final class PgTestDatabase implements AutoCloseable {
  public static final String URL = System.getenv().getOrDefault("SB_PG_URL",
      "postgresql://postgres@127.0.0.1:5432/switchboard_test");
  private final Vertx vertx;
  private final String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

  public PgTestDatabase(Vertx vertx) {
    this.vertx = vertx;
    ensureDatabase();
    admin(pool -> pool.query("CREATE SCHEMA " + schema).execute().mapEmpty());
  }

  /** A connection URI whose search_path is this test's own schema. */
  public StorageConfig.PostgresConfig config() {
    return new StorageConfig.PostgresConfig(URL + "?search_path=" + schema, 4, 0, 0, 0, 0);
  }

  public String schema() {
    return schema;
  }

  @Override
  public void close() {
    admin(pool -> pool.query("DROP SCHEMA " + schema + " CASCADE").execute().mapEmpty());
  }

  /** Creates the test database when it is missing (a fresh machine has only the default ones). */
  private void ensureDatabase() {
    PgConnectOptions target = PgConnectOptions.fromUri(URL);
    String db = target.getDatabase();
    PgConnectOptions maintenance = PgConnectOptions.fromUri(URL).setDatabase("postgres");
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(maintenance).using(vertx).build();
    await(pool.preparedQuery("SELECT 1 FROM pg_database WHERE datname = $1").execute(Tuple.of(db))
        .compose(rows -> rows.size() > 0 ? Future.succeededFuture()
            : pool.query("CREATE DATABASE " + db).execute().mapEmpty())
        .recover(e -> e.getMessage() != null && e.getMessage().contains("already exists")
            ? Future.succeededFuture() : Future.failedFuture(e))
        .eventually(pool::close));
  }

  private void admin(Function<Pool, Future<Void>> work) {
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(PgConnectOptions.fromUri(URL))
        .using(vertx).build();
    await(work.apply(pool).eventually(pool::close));
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("database call failed: " + e, e);
    }
  }

}
