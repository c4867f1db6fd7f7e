package dev.switchboard.engine.store;

import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.outbound.OutboundCommand;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Everything one session step writes, committed together. */
public record SessionStep(Conversation conversation, List<Turn> messages, List<AuditEntry> audit,
                          List<OutboundCommand> commands, List<String> processedDedupeKeys) {
  public SessionStep {
    Objects.requireNonNull(conversation, "conversation");
    messages = List.copyOf(messages);
    audit = List.copyOf(audit);
    commands = List.copyOf(commands);
    processedDedupeKeys = List.copyOf(processedDedupeKeys);
  }

  /**
   * The step consumed inbox events that another step already processed (a redelivery, e.g. after a cluster
   * rebalance): nothing of it was written. The session drops those events and runs the rest again.
   */
  public static final class AlreadyProcessed extends RuntimeException {
    private final Set<String> dedupeKeys;

    public AlreadyProcessed(Set<String> dedupeKeys) {
      super(dedupeKeys.size() + " event(s) already processed", null, false, false);
      this.dedupeKeys = Set.copyOf(dedupeKeys);
    }

    public Set<String> dedupeKeys() {
      return dedupeKeys;
    }
  }
}
