package dev.switchboard.engine.bus;

import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.OutboundCommand;
import java.time.Instant;
import java.util.Objects;

/**
 * Session/admin → outbound: the outbox command with this id is due. The key and creation time let outbound queue
 * it behind the conversation's earlier commands without reading the store first; the outbox holds the command.
 * {@code command}, when given, is the record exactly as it was just committed (so outbound need not read it back)
 * and {@code lastInboundAt} the conversation's last customer message as of that commit (so the WhatsApp 24-hour
 * window need not be read back either); both are hints that a stale value can only make outbound read the store.
 * {@code newConversation}: the conversation began in the step that made this command, so no other process can
 * hold an older command of it (outbound skips that read).
 */
public record SendCommand(String commandId, ConversationKey key, Instant createdAt, OutboundCommand command,
                          Instant lastInboundAt, boolean newConversation) implements BusMessage {
  public SendCommand {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public SendCommand(String commandId, ConversationKey key, Instant createdAt) {
    this(commandId, key, createdAt, null, null, false);
  }

  /** The nudge for a command just committed, carrying it. */
  public static SendCommand of(OutboundCommand command, Instant lastInboundAt) {
    return of(command, lastInboundAt, false);
  }

  public static SendCommand of(OutboundCommand command, Instant lastInboundAt, boolean newConversation) {
    return new SendCommand(command.id(), command.key(), command.createdAt(), command, lastInboundAt, newConversation);
  }
}
