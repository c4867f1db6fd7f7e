package dev.switchboard.config;

/**
 * Session shards and mailboxes. {@code shards} session verticle instances each own one shard address;
 * a conversation key always maps to the same shard. {@code debounceMs} 0 turns debouncing off.
 */
public record SessionConfig(int shards, Long debounceMs, long maxDebounceMs, int maxPendingPerConversation,
                            int maxPendingPerShard, long aiTimeoutMs, int historyTurns) {
  public SessionConfig {
    shards = shards <= 0 ? 2 : shards;
    debounceMs = debounceMs == null || debounceMs < 0 ? 1500L : debounceMs;
    maxDebounceMs = maxDebounceMs <= 0 ? Math.max(debounceMs * 4, 1) : maxDebounceMs;
    maxPendingPerConversation = maxPendingPerConversation <= 0 ? 100 : maxPendingPerConversation;
    maxPendingPerShard = maxPendingPerShard <= 0 ? 50_000 : maxPendingPerShard;
    aiTimeoutMs = aiTimeoutMs <= 0 ? 8000 : aiTimeoutMs;
    historyTurns = historyTurns <= 0 ? 12 : historyTurns;
  }

  public SessionConfig withDebounceMs(long value) {
    return new SessionConfig(shards, value, value * 4, maxPendingPerConversation, maxPendingPerShard, aiTimeoutMs,
        historyTurns);
  }
}
