package dev.switchboard.config;

/**
 * Session shards and mailboxes. {@code shards} session verticle instances each own one shard address;
 * a conversation key always maps to the same shard. {@code debounceMs} 0 turns debouncing off.
 * {@code maxUnanswered}: on a single node, customer messages acknowledged but not yet answered (their reply not yet
 * tried) — past it a webhook waits for room before its 200, then gets 503 (see TurnBacklog). {@code turnRetryMs}:
 * how long a turn that failed (storage or bus unreachable) is tried again, with backoff, before its messages are
 * carried into the conversation's next turn; the conversation's later messages wait meanwhile, so order holds.
 */
public record SessionConfig(int shards, Long debounceMs, long maxDebounceMs, int maxPendingPerConversation,
                            int maxPendingPerShard, long aiTimeoutMs, int historyTurns, int maxUnanswered,
                            long turnRetryMs) {
  public SessionConfig {
    shards = shards <= 0 ? 2 : shards;
    debounceMs = debounceMs == null || debounceMs < 0 ? 1500L : debounceMs;
    maxDebounceMs = maxDebounceMs <= 0 ? Math.max(debounceMs * 4, 1) : maxDebounceMs;
    maxPendingPerConversation = maxPendingPerConversation <= 0 ? 100 : maxPendingPerConversation;
    maxPendingPerShard = maxPendingPerShard <= 0 ? 50_000 : maxPendingPerShard;
    aiTimeoutMs = aiTimeoutMs <= 0 ? 8000 : aiTimeoutMs;
    historyTurns = historyTurns <= 0 ? 12 : historyTurns;
    maxUnanswered = maxUnanswered <= 0 ? 2000 : maxUnanswered;
    turnRetryMs = turnRetryMs < 0 ? 0 : turnRetryMs == 0 ? 30_000 : turnRetryMs;
  }

  public SessionConfig withDebounceMs(long value) {
    return new SessionConfig(shards, value, value * 4, maxPendingPerConversation, maxPendingPerShard, aiTimeoutMs,
        historyTurns, maxUnanswered, turnRetryMs);
  }
}
