package dev.switchboard.outbound;

import dev.switchboard.engine.event.ConversationKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One lane per conversation: its commands go to the provider one at a time, oldest first, and a command being
 * retried keeps the lane — so a customer never receives a newer reply before an older one that the provider
 * refused for a while. Different conversations do not wait for each other. Owned by the outbound event loop.
 */
final class ConversationLanes {
  private final Map<ConversationKey, TreeMap<String, String>> lanes = new HashMap<>();
  private final Set<ConversationKey> busy = new HashSet<>();

  /** Queues a command in creation order; a command already queued is not queued twice. */
  void enqueue(ConversationKey key, Instant createdAt, String id) {
    TreeMap<String, String> lane = lanes.computeIfAbsent(key, k -> new TreeMap<>());
    if (!lane.containsValue(id)) {
      lane.put(String.format("%019d|%s", createdAt.toEpochMilli(), id), id);
    }
  }

  /** The command at the head of an idle lane, marking the lane busy; null when busy or empty. */
  String take(ConversationKey key) {
    TreeMap<String, String> lane = lanes.get(key);
    if (lane == null || lane.isEmpty() || !busy.add(key)) {
      return null;
    }
    return lane.firstEntry().getValue();
  }

  /** Ends the head's turn; {@code settled} removes it (SENT, DEAD, gone) so the next command can go. */
  void release(ConversationKey key, String id, boolean settled) {
    busy.remove(key);
    TreeMap<String, String> lane = lanes.get(key);
    if (settled && lane != null) {
      lane.values().remove(id);
      if (lane.isEmpty()) {
        lanes.remove(key);
      }
    }
  }

  /** Whether the conversation has commands queued here. */
  boolean has(ConversationKey key) {
    return lanes.containsKey(key);
  }

  int size() {
    return lanes.values().stream().mapToInt(Map::size).sum();
  }
}
