package dev.switchboard.engine.bus;

import dev.switchboard.engine.event.ConversationKey;
import java.time.Instant;
import java.util.Objects;

/**
 * Session/admin → outbound: the outbox command with this id is due. The key and creation time let outbound queue
 * it behind the conversation's earlier commands without reading the store first; the outbox holds the command.
 */
public record SendCommand(String commandId, ConversationKey key, Instant createdAt) implements BusMessage {
  public SendCommand {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
