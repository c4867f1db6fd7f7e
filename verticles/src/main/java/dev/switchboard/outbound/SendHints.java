package dev.switchboard.outbound;

import dev.switchboard.engine.bus.SendCommand;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.OutboundCommand;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a nudge from the session told outbound beyond the command id: the command as committed, and the
 * conversation's last inbound time. Used once each, then dropped; bounded, so a flood of nudges cannot grow the
 * heap (a command whose hint was dropped is read from the store, as after a restart). Owned by the outbound loop.
 */
final class SendHints {
  private static final int MAX = 50_000;
  private final Map<String, OutboundCommand> commands = new HashMap<>();
  private final Map<ConversationKey, Instant> inbound = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ConversationKey, Instant> eldest) {
      return size() > MAX;
    }
  };

  void remember(SendCommand nudge) {
    if (nudge.command() != null && commands.size() < MAX) {
      commands.put(nudge.commandId(), nudge.command());
    }
    if (nudge.lastInboundAt() != null) {
      inbound.merge(nudge.key(), nudge.lastInboundAt(), (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  /** The committed command, once: a retry reads the store, which holds its attempts and status. */
  OutboundCommand take(String commandId) {
    return commands.remove(commandId);
  }

  void forget(String commandId) {
    commands.remove(commandId);
  }

  Instant lastInboundAt(ConversationKey key) {
    return inbound.get(key);
  }
}
