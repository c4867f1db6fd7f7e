package dev.switchboard.engine.store;

import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.outbound.OutboundCommand;
import java.util.List;
import java.util.Objects;

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
}
