package dev.switchboard.store;

import dev.switchboard.config.StorageConfig;
import java.util.UUID;

/** The shared Redis on 127.0.0.1 ({@code SB_REDIS_URL}); each use gets a key prefix of its own. */
public final class RedisTestSupport {
  public static final String URL = System.getenv().getOrDefault("SB_REDIS_URL", "redis://127.0.0.1:6379");

  private RedisTestSupport() {
  }

  public static StorageConfig.RedisConfig config() {
    return config(URL);
  }

  public static StorageConfig.RedisConfig config(String url) {
    return new StorageConfig.RedisConfig(url, "test:" + UUID.randomUUID() + ":", 4, 250, 0, 5, 0);
  }
}
