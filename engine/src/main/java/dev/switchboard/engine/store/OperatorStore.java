package dev.switchboard.engine.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/** Console operators and their sign-in sessions. Deleting an operator ends their sessions. */
public interface OperatorStore {

  /** Creates or replaces the operator with this username. */
  Future<Void> put(Operator operator);

  /** The operator, or a succeeded future holding null. */
  Future<Operator> find(String username);

  /** Every operator, by username. */
  Future<List<Operator>> list();

  /** False when there was none. Their sessions end with them. */
  Future<Boolean> delete(String username);

  Future<Void> addSession(OperatorSession session);

  /** The session with this token hash that has not expired at {@code now}, or null. */
  Future<OperatorSession> findSession(String tokenHash, Instant now);

  Future<Void> deleteSession(String tokenHash);

  /** Forgets sessions expired at {@code now}; answers how many. */
  Future<Integer> deleteExpired(Instant now);
}
