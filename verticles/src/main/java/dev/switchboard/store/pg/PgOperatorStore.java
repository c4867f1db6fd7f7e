package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgRows.instant;
import static dev.switchboard.store.pg.PgRows.ts;

import dev.switchboard.engine.store.Operator;
import dev.switchboard.engine.store.OperatorSession;
import dev.switchboard.engine.store.OperatorStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Operators and sessions in PostgreSQL: every node signs the same people in, and a sign-out holds everywhere. */
public final class PgOperatorStore implements OperatorStore {
  private static final String COLUMNS = "username, password_hash, role, tenants, source, created_at";
  private final Pool pool;

  public PgOperatorStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> put(Operator o) {
    return pool.preparedQuery("INSERT INTO operators (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6) "
            + "ON CONFLICT (username) DO UPDATE SET password_hash = $2, role = $3, tenants = $4, source = $5")
        .execute(Tuple.of(o.username(), o.passwordHash(), o.role().wire(), o.tenants().stream().sorted()
            .toArray(String[]::new), o.source(), ts(o.createdAt())))
        .mapEmpty();
  }

  @Override
  public Future<Operator> find(String username) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM operators WHERE username = $1").execute(Tuple.of(username))
        .map(rows -> rows.iterator().hasNext() ? operator(rows.iterator().next()) : null);
  }

  @Override
  public Future<List<Operator>> list() {
    return pool.query("SELECT " + COLUMNS + " FROM operators ORDER BY username").execute().map(rows -> {
      List<Operator> list = new ArrayList<>();
      rows.forEach(r -> list.add(operator(r)));
      return list;
    });
  }

  @Override
  public Future<Boolean> delete(String username) {
    return pool.preparedQuery("DELETE FROM operators WHERE username = $1").execute(Tuple.of(username))
        .map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Void> addSession(OperatorSession s) {
    return pool.preparedQuery("INSERT INTO operator_sessions (token_hash, username, created_at, expires_at) "
            + "VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(s.tokenHash(), s.username(), ts(s.createdAt()), ts(s.expiresAt()))).mapEmpty();
  }

  @Override
  public Future<OperatorSession> findSession(String tokenHash, Instant now) {
    return pool.preparedQuery("SELECT token_hash, username, created_at, expires_at FROM operator_sessions "
            + "WHERE token_hash = $1 AND expires_at > $2").execute(Tuple.of(tokenHash, ts(now)))
        .map(rows -> {
          if (!rows.iterator().hasNext()) {
            return null;
          }
          Row r = rows.iterator().next();
          return new OperatorSession(r.getString("token_hash"), r.getString("username"), instant(r, "created_at"),
              instant(r, "expires_at"));
        });
  }

  @Override
  public Future<Void> deleteSession(String tokenHash) {
    return pool.preparedQuery("DELETE FROM operator_sessions WHERE token_hash = $1").execute(Tuple.of(tokenHash))
        .mapEmpty();
  }

  @Override
  public Future<Integer> deleteExpired(Instant now) {
    return pool.preparedQuery("DELETE FROM operator_sessions WHERE expires_at <= $1").execute(Tuple.of(ts(now)))
        .map(rows -> rows.rowCount());
  }

  private static Operator operator(Row r) {
    return new Operator(r.getString("username"), r.getString("password_hash"), Operator.Role.of(r.getString("role")),
        Set.of(r.getArrayOfStrings("tenants")), r.getString("source"), instant(r, "created_at"));
  }
}
