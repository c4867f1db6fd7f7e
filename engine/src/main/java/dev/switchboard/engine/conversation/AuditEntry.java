package dev.switchboard.engine.conversation;

import dev.switchboard.engine.event.ConversationKey;
import java.time.Instant;
import java.util.Objects;

/** A record of one state change: who or what moved the conversation, from where to where. */
public record AuditEntry(ConversationKey key, ConversationState from, ConversationState to, Trigger trigger,
                         String actor, Instant at) {
  public AuditEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
  }
}
