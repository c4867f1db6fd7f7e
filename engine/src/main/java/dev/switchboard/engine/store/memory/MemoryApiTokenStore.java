package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.store.ApiToken;
import dev.switchboard.engine.store.ApiTokenStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

public final class MemoryApiTokenStore implements ApiTokenStore {
  private final ConcurrentHashMap<String, ApiToken> tokens = new ConcurrentHashMap<>();

  @Override
  public Future<Void> add(ApiToken token) {
    return tokens.putIfAbsent(token.id(), token) == null ? Future.succeededFuture()
        : Future.failedFuture(new IllegalStateException("token id exists"));
  }

  @Override
  public Future<ApiToken> find(String id) {
    return Future.succeededFuture(tokens.get(id));
  }

  @Override
  public Future<List<ApiToken>> list(String tenantId) {
    return Future.succeededFuture(tokens.values().stream().filter(t -> t.tenantId().equals(tenantId))
        .sorted(Comparator.comparing(ApiToken::createdAt).reversed()).toList());
  }

  @Override
  public Future<Boolean> revoke(String tenantId, String id, Instant at) {
    boolean[] done = {false};
    tokens.computeIfPresent(id, (k, t) -> {
      if (!t.tenantId().equals(tenantId) || t.revoked()) {
        return t;
      }
      done[0] = true;
      return new ApiToken(t.id(), t.tenantId(), t.name(), t.secretHash(), t.createdBy(), t.createdAt(), at);
    });
    return Future.succeededFuture(done[0]);
  }
}
