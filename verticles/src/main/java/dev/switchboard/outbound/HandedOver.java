package dev.switchboard.outbound;

import dev.switchboard.engine.bus.ConversationStateChanged;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.OutboundCommand;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Conversations a person has taken over, as broadcast by whichever node ran the hand-off. A message to the
 * customer queued before the takeover (a bot reply waiting out a provider outage, say) is stale once a person
 * is talking: it is not sent. Bounded; used on the outbound verticle's event loop only.
 */
final class HandedOver {
  private static final int MAX = 100_000;
  private final Map<ConversationKey, Instant> takenAt = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ConversationKey, Instant> eldest) {
      return size() > MAX;
    }
  };

  void apply(ConversationStateChanged change) {
    if ("HUMAN".equals(change.state())) {
      takenAt.put(change.key(), change.at());
    } else {
      takenAt.remove(change.key());
    }
  }

  /** True for a customer message created before a person took its conversation over. */
  boolean stale(OutboundCommand command, boolean toCustomer) {
    Instant at = takenAt.get(command.key());
    return toCustomer && at != null && command.createdAt().isBefore(at);
  }
}
