package dev.switchboard.session;

import dev.switchboard.engine.bus.SessionCommand;
import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Trigger;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.store.ActionAudit;
import dev.switchboard.engine.store.SessionStep;
import dev.switchboard.engine.store.Stores;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** The steps an operator takes on a conversation's mailbox besides hand-off: a person's message, a block. */
final class OperatorSteps {
  private final Stores stores;
  private final Clock clock;
  private final Function<SessionStep, Future<Void>> commit;

  OperatorSteps(Stores stores, Clock clock, Function<SessionStep, Future<Void>> commit) {
    this.stores = stores;
    this.clock = clock;
    this.commit = commit;
  }

  /**
   * A person's message through the admin API: written to the conversation with its command in one step (a repeat of
   * the same id writes nothing). It goes to the provider's own address for the contact when the conversation knows it.
   */
  Future<String> agentMessage(SessionCommand.AgentMessage a) {
    OutboundCommand asked = a.command();
    return stores.outbox().get(asked.id()).compose(existing -> existing != null ? Future.succeededFuture("EXISTS")
        : stores.conversations().find(a.key()).compose(c -> {
          Instant now = clock.instant();
          Conversation conversation = c != null ? c.touched(now) : Conversation.open(a.key(), asked.recipient(), now);
          OutboundCommand command = OutboundCommand.pending(asked.id(), a.key(), asked.channelType(), asked.sender(),
              conversation.replyTo(), asked.payload(), asked.createdAt(), asked.correlationId());
          Turn turn = new Turn(Direction.OUTBOUND, AgentText.of(command.payload()), command.id(), now);
          return commit.apply(new SessionStep(conversation, List.of(turn), List.of(), List.of(command), List.of()))
              .compose(v -> stores.audit().recordAction(new ActionAudit(a.key().tenantId(), "enqueue", command.id(),
                  a.actor(), now)))
              .map("CREATED");
        }));
  }

  /** Blocks or unblocks the contact (a conversation is opened for a contact that never wrote), audited. */
  Future<String> block(SessionCommand.Block b) {
    return stores.conversations().find(b.key()).compose(c -> {
      Instant now = clock.instant();
      Conversation start = c != null ? c : Conversation.open(b.key(), b.key().contactId(), now);
      if (start.blocked() == b.blocked()) {
        return Future.succeededFuture(start.state().name());
      }
      Conversation updated = start.withFlag(b.blocked() ? Conversation.BLOCKED : null).touched(now);
      var audit = new AuditEntry(b.key(), start.state(), start.state(), b.blocked() ? Trigger.BLOCKED
          : Trigger.UNBLOCKED, b.actor(), now);
      return commit.apply(new SessionStep(updated, List.of(), List.of(audit), List.of(), List.of()))
          .map(updated.state().name());
    });
  }
}
