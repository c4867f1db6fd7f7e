package dev.switchboard.store.redis;

import dev.switchboard.engine.store.RateLimiter;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.bus.FailureCode;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Token buckets shared by every node, kept in Redis and updated atomically by one Lua script (read, refill,
 * take, write in one step, with Redis's own clock so nodes' clocks do not matter). When Redis fails the
 * node falls back to its own buckets: limits then hold per node instead of per cluster, and nothing stops.
 */
public final class RedisRateLimiter implements RateLimiter {
  private final String prefix;
  private static final String TAKE = String.join("\n",
      "local t = redis.call('TIME')",
      "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)",
      "local rate = tonumber(ARGV[1]) local burst = tonumber(ARGV[2])",
      "local s = redis.call('HMGET', KEYS[1], 'tokens', 'ts')",
      "local tokens = tonumber(s[1]) or burst local ts = tonumber(s[2]) or now",
      "tokens = math.min(burst, tokens + (now - ts) / 1000 * rate)",
      "local wait = 0",
      "if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate * 1000) end",
      "redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))",
      "redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)",
      "return wait");

  private final RedisAPI api;
  private final RedisGuard guard;
  private final RateLimiter fallback;

  RedisRateLimiter(RedisAPI api, RedisGuard guard, String keyPrefix, RateLimiter fallback) {
    this.prefix = keyPrefix + "rate:";
    this.api = api;
    this.guard = guard;
    this.fallback = fallback;
  }

  @Override
  public Future<Duration> acquire(String bucket, Limit limit) {
    List<String> args = List.of(TAKE, "1", prefix + bucket, String.valueOf(limit.perSecond()),
        String.valueOf(limit.burst()));
    return guard.<Duration>call(() -> api.eval(args).map(r -> Duration.ofMillis(r.toLong())), null)
        .compose(wait -> wait != null ? Future.succeededFuture(wait) : fallback.acquire(bucket, limit));
  }

  /** Deletes the shared buckets and this node's fallback ones; a Redis failure fails the call (the caller retries). */
  @Override
  public Future<Void> forget(Collection<String> buckets) {
    if (buckets.isEmpty()) {
      return Future.succeededFuture();
    }
    List<String> keys = buckets.stream().map(b -> prefix + b).toList();
    return fallback.forget(buckets).compose(v -> guard.<Boolean>call(() -> api.del(keys).map(true), false))
        .compose(done -> done ? Future.succeededFuture()
            : Future.failedFuture(new Failure(FailureCode.UNAVAILABLE, "Redis did not confirm the rate limits' removal")));
  }
}
