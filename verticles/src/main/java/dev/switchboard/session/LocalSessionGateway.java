package dev.switchboard.session;

import dev.switchboard.engine.bus.Correlation;
import dev.switchboard.engine.bus.SessionCommand;
import dev.switchboard.engine.bus.Shards;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;

/**
 * Single node: the shard owning the conversation is on this node. Local-only delivery, so even a clustered
 * bus never round-robins a conversation's commands to another node's shard of the same number.
 */
public final class LocalSessionGateway implements SessionGateway {
  private static final long DELIVER_TIMEOUT_MS = 3000;
  private static final long COMMAND_TIMEOUT_MS = 5000;
  private final EventBus bus;
  private final int shards;

  public LocalSessionGateway(EventBus bus, int shards) {
    this.bus = bus;
    this.shards = shards;
  }

  @Override
  public Future<SessionCommand.Accepted> submit(SessionCommand command, String correlationId) {
    return request(command, correlationId,
        command instanceof SessionCommand.Deliver ? DELIVER_TIMEOUT_MS : COMMAND_TIMEOUT_MS);
  }

  /** The same request with a caller-chosen timeout (the session log's consumer waits longer than a webhook). */
  public Future<SessionCommand.Accepted> request(SessionCommand command, String correlationId, long timeoutMs) {
    DeliveryOptions options = new DeliveryOptions().setLocalOnly(true).setSendTimeout(timeoutMs)
        .addHeader(Correlation.HEADER, Correlation.orNone(correlationId));
    return bus.<SessionCommand.Accepted>request(Shards.address(command.key(), shards), command, options)
        .map(reply -> reply.body());
  }
}
