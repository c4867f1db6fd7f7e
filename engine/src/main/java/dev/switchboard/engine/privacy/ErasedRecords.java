package dev.switchboard.engine.privacy;

import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;

/**
 * The anonymised form of each record an erase keeps for the aggregates: times, directions, states, statuses and
 * channel stay (what reports count); keys become the erasure's random keys, and text, addresses and provider ids go.
 */
public final class ErasedRecords {
  private ErasedRecords() {
  }

  /** Closed and opted out, so no job (idle close, follow-up) ever acts on it; it has no address to send to anyway. */
  public static Conversation conversation(Conversation c, Erasure erasure) {
    return new Conversation(erasure.anonymous(c.key()), ConversationState.CLOSED, null, true, c.createdAt(),
        c.lastInboundAt(), c.lastActivityAt(), c.version() + 1, null);
  }

  public static Turn turn(Turn t) {
    return new Turn(t.direction(), Erasure.ERASED, null, t.at());
  }

  public static AuditEntry audit(AuditEntry a, Erasure erasure) {
    return new AuditEntry(erasure.anonymous(a.key()), a.from(), a.to(), a.trigger(), a.actor(), a.at());
  }

  /**
   * A command kept for the counts under a fresh id. One not yet settled is made DEAD: its recipient is gone, and a
   * sender still holding the old one finds no row under the old id to settle (nothing is written back).
   */
  public static OutboundCommand command(OutboundCommand c, String newId, Erasure erasure) {
    boolean open = c.status() == CommandStatus.PENDING || c.status() == CommandStatus.RETRY
        || c.status() == CommandStatus.SENDING;
    return new OutboundCommand(newId, erasure.anonymous(c.key()), c.channelType(), c.sender(), Erasure.ERASED,
        new OutboundPayload.Text(Erasure.ERASED, null), open ? CommandStatus.DEAD : c.status(), c.attempts(),
        c.createdAt(), null, null, c.delivery(), open || c.lastError() != null ? Erasure.ERASED : null,
        c.correlationId());
  }
}
