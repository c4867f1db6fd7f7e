package dev.switchboard.store.redis;

import dev.switchboard.engine.health.DependencyCheck;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.config.StorageConfig;
import dev.switchboard.metrics.SwitchboardMetrics;
import dev.switchboard.engine.store.memory.MemoryRateLimiter;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.util.List;
import java.util.stream.Stream;

/** Puts Redis in front of the durable stores: dedupe fast path, context cache, shared rate limits. */
public final class RedisStores {
  private RedisStores() {
  }

  public static Stores wrap(Vertx vertx, Stores durable, StorageConfig.RedisConfig config, SwitchboardMetrics metrics) {
    Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(config.url())
        .setMaxPoolSize(config.poolSize()).setMaxPoolWaiting(1024));
    RedisAPI api = RedisAPI.api(redis);
    RedisGuard guard = new RedisGuard(vertx, config.timeoutMs());
    if (metrics != null) {
      metrics.gauge("sb_breaker_open", "1 while a circuit breaker is open", () -> guard.isOpen() ? 1 : 0,
          "breaker", "redis");
    }
    RedisDedupe dedupe = new RedisDedupe(redis, guard, config.keyPrefix(), config.dedupeTtlMs());
    return new Stores(new RedisInboxStore(durable.inbox(), dedupe),
        new RedisConversationStore(durable.conversations(), api, guard, dedupe, config.keyPrefix(),
            config.contextSize(),
            config.contextTtlMs()),
        durable.outbox(), durable.audit(), durable.schedules(), durable.tenantSchedules(), durable.reports(),
        durable.tenants(), durable.tenantConfigs(), durable.apiTokens(), durable.knowledge(),
        new RedisRateLimiter(api, guard, config.keyPrefix(), new MemoryRateLimiter()),
        Stream.concat(durable.checks().stream(), Stream.of(new DependencyCheck("redis", false,
            () -> api.ping(List.of()).mapEmpty()))).toList(),
        () -> {
          redis.close();
          return durable.close();
        },
        new RedisContactData(durable.contacts(), api, guard, config.keyPrefix()), durable.bookings());
  }

}
