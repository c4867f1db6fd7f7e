package dev.switchboard.outbound;

import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.SendResult;
import io.vertx.core.Future;

/** Delivers one command to one provider and classifies the outcome. Never fails: failures are results. */
interface Sender {
  Future<SendResult> send(OutboundCommand command, Destination destination);
}
