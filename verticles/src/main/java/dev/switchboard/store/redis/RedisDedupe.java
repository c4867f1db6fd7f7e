package dev.switchboard.store.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import java.util.ArrayList;
import java.util.List;

/**
 * Dedupe fast path: remembers inbox events that were <em>processed</em>, so a provider's repeat delivery is
 * answered without a database round trip. Only processed events are remembered: an event that was inserted but
 * then given back (queue full) must never look like a duplicate, and a missing key just means "ask PostgreSQL".
 */
final class RedisDedupe {
  private final String prefix;
  private final Redis redis;
  private final RedisAPI api;
  private final RedisGuard guard;
  private final long ttlMs;

  RedisDedupe(Redis redis, RedisGuard guard, String keyPrefix, long ttlMs) {
    this.prefix = keyPrefix + "seen:";
    this.redis = redis;
    this.api = RedisAPI.api(redis);
    this.guard = guard;
    this.ttlMs = ttlMs;
  }

  /** True only when Redis positively knows the event was processed. */
  Future<Boolean> knownProcessed(String dedupeKey) {
    return guard.call(() -> api.exists(List.of(prefix + dedupeKey)).map(r -> r != null && r.toLong() > 0), false);
  }

  Future<Void> rememberProcessed(List<String> dedupeKeys) {
    if (dedupeKeys.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Request> batch = new ArrayList<>();
    for (String key : dedupeKeys) {
      batch.add(Request.cmd(Command.SET).arg(prefix + key).arg("1").arg("PX").arg(ttlMs));
    }
    return guard.call(() -> redis.batch(batch).mapEmpty(), null);
  }
}
