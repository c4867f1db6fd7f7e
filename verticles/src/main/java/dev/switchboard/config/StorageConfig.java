package dev.switchboard.config;


import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
/**
 * Where state lives: {@code memory} (the embedded default; nothing survives a restart) or {@code postgres}
 * (durable; {@code postgres.url}), optionally with {@code redis} in front.
 */
public record StorageConfig(Mode mode, int inboxKeep, int messagesPerConversation, PostgresConfig postgres,
                            RedisConfig redis) {
  public StorageConfig {
    mode = mode == null ? Mode.MEMORY : mode;
    inboxKeep = inboxKeep <= 0 ? 200_000 : inboxKeep;
    messagesPerConversation = messagesPerConversation <= 0 ? 500 : messagesPerConversation;
    postgres = postgres == null ? new PostgresConfig(null, 0, 0, 0, 0, 0) : postgres;
    redis = redis == null ? new RedisConfig(null, null, 0, 0, 0, 0, 0) : redis;
  }

  /** Where state lives; written in lower case in the file. */
  public enum Mode {
    MEMORY, POSTGRES;

    @JsonCreator
    public static Mode of(String value) {
      for (Mode m : values()) {
        if (m.name().equalsIgnoreCase(value)) {
          return m;
        }
      }
      throw new IllegalArgumentException("unsupported storage mode: " + value + " (memory, postgres)");
    }

    @JsonValue
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Redis in front of PostgreSQL (only with {@code mode: postgres}); no {@code url} means no Redis. Every use has a
   * fallback, so Redis being down slows the engine a little and loses nothing.
   */
  public record RedisConfig(String url, String keyPrefix, int poolSize, long timeoutMs, long dedupeTtlMs,
                            int contextSize, long contextTtlMs) {
    public RedisConfig {
      url = url == null || url.isBlank() ? null : url;
      keyPrefix = keyPrefix == null ? "sb:" : keyPrefix;
      poolSize = poolSize <= 0 ? 8 : poolSize;
      timeoutMs = timeoutMs <= 0 ? 250 : timeoutMs;
      dedupeTtlMs = dedupeTtlMs <= 0 ? 7L * 24 * 3600 * 1000 : dedupeTtlMs;
      contextSize = contextSize <= 0 ? 20 : contextSize;
      contextTtlMs = contextTtlMs <= 0 ? 30L * 60 * 1000 : contextTtlMs;
    }
  }

  /**
   * PostgreSQL connection: a {@code postgresql://user:password@host:port/db} URI and pool sizes; inbox inserts and
   * session steps are group-committed, at most {@code *Batch} per transaction and {@code *InFlight} transactions
   * at once.
   */
  public record PostgresConfig(String url, int poolSize, int inboxBatch, int inboxInFlight, int stepBatch,
                               int stepInFlight) {
    public PostgresConfig {
      stepBatch = stepBatch <= 0 ? 128 : stepBatch;
      stepInFlight = stepInFlight <= 0 ? 2 : stepInFlight;
      url = url == null ? "postgresql://postgres@127.0.0.1:5432/switchboard" : url;
      poolSize = poolSize <= 0 ? 8 : poolSize;
      inboxBatch = inboxBatch <= 0 ? 256 : inboxBatch;
      inboxInFlight = inboxInFlight <= 0 ? 2 : inboxInFlight;
    }
  }
}
