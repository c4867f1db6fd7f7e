package dev.switchboard.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small versioned migration runner over the async client: each {@code db/migration/V<n>__name.sql} not yet
 * recorded in {@code sb_schema_version} is applied in its own transaction, in version order. A session-level
 * advisory lock makes nodes starting together apply each version once. (Flyway would need the blocking JDBC
 * driver and a second connection setup for what is, here, twenty lines.)
 */
public final class PgMigrations {
  private static final Logger LOG = LoggerFactory.getLogger(PgMigrations.class);
  /** Applied in this order; add new files at the end, never edit an applied one. */
  static final List<String> FILES = List.of("V1__init.sql", "V2__schedules.sql", "V3__action_audit.sql",
      "V4__tenants.sql", "V5__conversation_flag.sql", "V6__retention.sql",
      "V7__knowledge.sql", "V8__tenant_schedules.sql", "V9__outbox_open_by_conversation.sql",
      "V10__api_tokens.sql", "V11__tenant_configs.sql",
      "V12__bookings.sql", "V14__contact_lookup.sql",
      "V15__integrations.sql", "V16__mailbox_state.sql",
      "V17__operators.sql");
  private static final long LOCK_ID = 0x5357_4254_4348L;

  private PgMigrations() {
  }

  public static Future<Integer> apply(Pool pool) {
    // client_min_messages: IF NOT EXISTS would otherwise log a NOTICE on every start.
    return pool.getConnection().compose(conn -> conn.query("SET client_min_messages TO warning").execute()
        .compose(v -> conn.query("SELECT pg_advisory_lock(" + LOCK_ID + ")").execute())
        .compose(v -> conn.query("CREATE TABLE IF NOT EXISTS sb_schema_version (version int PRIMARY KEY, "
            + "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())").execute())
        .compose(v -> conn.query("SELECT version FROM sb_schema_version").execute())
        .compose(rows -> {
          Set<Integer> applied = new HashSet<>();
          for (Row row : rows) {
            applied.add(row.getInteger(0));
          }
          Future<Integer> chain = Future.succeededFuture(0);
          for (String file : FILES) {
            int version = version(file);
            if (!applied.contains(version)) {
              chain = chain.compose(n -> applyOne(conn, version, file).map(n + 1));
            }
          }
          return chain;
        })
        .eventually(() -> conn.query("SELECT pg_advisory_unlock(" + LOCK_ID + ")").execute()
            .eventually(conn::close)))
        .onSuccess(n -> {
          if (n > 0) {
            LOG.info("applied {} schema migration(s)", n);
          }
        });
  }

  private static Future<Void> applyOne(SqlConnection conn, int version, String file) {
    String sql = read(file);
    return conn.begin().compose(tx -> conn.query(sql).execute()
        .compose(v -> conn.preparedQuery("INSERT INTO sb_schema_version (version, name) VALUES ($1, $2)")
            .execute(Tuple.of(version, file)))
        .compose(v -> tx.commit())
        .recover(e -> tx.rollback().transform(ignored -> Future.failedFuture(
            new IllegalStateException("migration " + file + " failed: " + e.getMessage(), e)))));
  }

  static int version(String file) {
    return Integer.parseInt(file.substring(1, file.indexOf("__")));
  }

  private static String read(String file) {
    try (InputStream in = PgMigrations.class.getResourceAsStream("/db/migration/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing migration " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
