package dev.switchboard.session;

import dev.switchboard.engine.bus.SessionCommand;
import io.vertx.core.Future;

/**
 * How anything outside the session verticles hands a command to a conversation's mailbox. On one node that is a
 * request to the owning shard; in a cluster the command goes through the session log (Kafka, keyed by
 * conversation) to whichever node owns the conversation's partition. Either way a failure carries a
 * {@link dev.switchboard.engine.bus.FailureCode} as a {@link io.vertx.core.eventbus.ReplyException} code.
 */
public interface SessionGateway {

  /**
   * {@link SessionCommand.Deliver} completes once the event is durably queued for its conversation; the other
   * commands complete once applied, with the conversation's state.
   */
  Future<SessionCommand.Accepted> submit(SessionCommand command, String correlationId);
}
