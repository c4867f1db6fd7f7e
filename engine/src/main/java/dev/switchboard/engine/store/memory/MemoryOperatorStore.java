package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.store.Operator;
import dev.switchboard.engine.store.OperatorSession;
import dev.switchboard.engine.store.OperatorStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

public final class MemoryOperatorStore implements OperatorStore {
  private final ConcurrentHashMap<String, Operator> operators = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, OperatorSession> sessions = new ConcurrentHashMap<>();

  @Override
  public Future<Void> put(Operator operator) {
    operators.put(operator.username(), operator);
    return Future.succeededFuture();
  }

  @Override
  public Future<Operator> find(String username) {
    return Future.succeededFuture(operators.get(username));
  }

  @Override
  public Future<List<Operator>> list() {
    return Future.succeededFuture(operators.values().stream().sorted(Comparator.comparing(Operator::username))
        .toList());
  }

  @Override
  public Future<Boolean> delete(String username) {
    boolean removed = operators.remove(username) != null;
    sessions.values().removeIf(s -> s.username().equals(username));
    return Future.succeededFuture(removed);
  }

  @Override
  public Future<Void> addSession(OperatorSession session) {
    sessions.put(session.tokenHash(), session);
    return Future.succeededFuture();
  }

  @Override
  public Future<OperatorSession> findSession(String tokenHash, Instant now) {
    OperatorSession s = sessions.get(tokenHash);
    return Future.succeededFuture(s != null && s.expiresAt().isAfter(now) && operators.containsKey(s.username())
        ? s : null);
  }

  @Override
  public Future<Void> deleteSession(String tokenHash) {
    sessions.remove(tokenHash);
    return Future.succeededFuture();
  }

  @Override
  public Future<Integer> deleteExpired(Instant now) {
    int before = sessions.size();
    sessions.values().removeIf(s -> !s.expiresAt().isAfter(now));
    return Future.succeededFuture(before - sessions.size());
  }
}
