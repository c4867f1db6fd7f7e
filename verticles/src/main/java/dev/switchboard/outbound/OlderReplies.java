package dev.switchboard.outbound;

import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.store.OutboxStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replies of a conversation held outside this process's lanes. With durable storage an older reply may be claimed
 * by a node that died (its lease not over yet), by the process before a restart, or still PENDING on the node that
 * owned the conversation before a rebalance; a lane that starts here reads them first so they go ahead. Only a
 * start or a partition assignment can leave such replies, so a conversation is read once after either, and never
 * when it began in the step that made the reply. Owned by the outbound event loop.
 */
final class OlderReplies {
  /** Older unsettled commands read per conversation (more is a backlog the due scan brings). */
  private static final int READ = 50;
  private static final int CHECKED_KEPT = 100_000;
  private final OutboxStore outbox;
  private final boolean enabled;
  /** Conversations being read; their lanes are not pumped meanwhile. */
  private final Set<ConversationKey> loading = new HashSet<>();
  /** Conversations read since the start or the last assignment. Bounded: one pushed out is read again. */
  private final Set<ConversationKey> checked = Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ConversationKey, Boolean> eldest) {
      return size() > CHECKED_KEPT;
    }
  });

  /** @param enabled durable storage: only then can another process hold a conversation's replies */
  OlderReplies(OutboxStore outbox, boolean enabled) {
    this.outbox = outbox;
    this.enabled = enabled;
  }

  /** Whether a lane starting now for {@code key} must read first. */
  boolean needsRead(ConversationKey key, boolean laneStarts, boolean mayHaveOlder) {
    return enabled && mayHaveOlder && laneStarts && !loading.contains(key) && !checked.contains(key);
  }

  boolean loading(ConversationKey key) {
    return loading.contains(key);
  }

  /** The conversation's unsettled commands older than the given one; a failed read gives none (nothing waits). */
  Future<List<OutboundCommand>> read(ConversationKey key, Instant createdAt, String id) {
    loading.add(key);
    return outbox.openBefore(key, createdAt, id, READ)
        .onSuccess(older -> checked.add(key))
        .otherwise(List.of())
        .onComplete(ar -> loading.remove(key));
  }

  /** This node took session-log partitions: conversations may have moved here with replies held elsewhere. */
  void forget() {
    checked.clear();
  }
}
