package dev.switchboard.outbound;

import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.Correlation;
import dev.switchboard.engine.bus.SendCommand;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.store.ActionAudit;
import dev.switchboard.engine.store.AuditStore;
import dev.switchboard.engine.store.OutboxStore;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * The outbox as the rest of the engine uses it: store a command once, tell the outbound verticle it is due, and
 * record who asked. Session turns (whose commands their step already committed), the admin API (actions and
 * dead-letter replays) and anything else that sends go through here, so "save, then nudge" is written once.
 */
public final class Outbox {
  /** What {@link #enqueue} did: the command as stored, and whether this call created it. */
  public record Enqueued(OutboundCommand command, boolean created) {
  }

  /** What {@link #replay} did with one id. */
  public enum Replay { REPLAYED, NOT_DEAD, NOT_FOUND }

  private final EventBus bus;
  private final OutboxStore store;
  private final AuditStore audit;
  private final Clock clock;

  public Outbox(EventBus bus, OutboxStore store, AuditStore audit, Clock clock) {
    this.bus = bus;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /** Commands a session step just committed are due: outbound gets each with its record and the window hint. */
  public void due(List<OutboundCommand> committed, Instant lastInboundAt) {
    due(committed, lastInboundAt, null);
  }

  /** {@code conversationCreatedAt}: a command made at that very instant began its conversation (see SendCommand). */
  public void due(List<OutboundCommand> committed, Instant lastInboundAt, Instant conversationCreatedAt) {
    committed.forEach(c -> nudge(SendCommand.of(c, lastInboundAt, c.createdAt().equals(conversationCreatedAt)),
        c.correlationId()));
  }

  /** An action asked by {@code actor}: stored once per id (a repeat answers the existing one), nudged, audited. */
  public Future<Enqueued> enqueue(OutboundCommand command, String actor) {
    return store.addIfAbsent(command).compose(created -> {
      if (!created) {
        return store.get(command.id()).map(existing -> new Enqueued(existing, false));
      }
      nudge(SendCommand.of(command, null), command.correlationId());
      return audit.recordAction(new ActionAudit(command.key().tenantId(), "enqueue", command.id(), actor,
          command.createdAt())).map(new Enqueued(command, true));
    });
  }

  /**
   * A dead letter gets a fresh lifecycle under the same id and is nudged; replaying twice, or a command that is not
   * dead, sends nothing more. A command whose tenant {@code visible} refuses is reported as not found.
   */
  public Future<Replay> replay(String id, String actor, Predicate<String> visible) {
    return store.get(id).compose(c -> {
      if (c == null || !visible.test(c.key().tenantId())) {
        return Future.succeededFuture(Replay.NOT_FOUND);
      }
      if (c.status() != CommandStatus.DEAD) {
        return Future.succeededFuture(Replay.NOT_DEAD);
      }
      Instant now = clock.instant();
      return store.transition(CommandStatus.DEAD, c.replayed(now)).compose(applied -> {
        if (!applied) {
          return Future.succeededFuture(Replay.NOT_DEAD);
        }
        nudge(new SendCommand(id, c.key(), now), c.correlationId());
        return audit.recordAction(new ActionAudit(c.key().tenantId(), "replay", id, actor, now))
            .map(Replay.REPLAYED);
      });
    });
  }

  /** Tells this node's outbound verticle a command is due (local only: outbound owns its lanes per node). */
  private void nudge(SendCommand send, String correlationId) {
    bus.send(Addresses.OUTBOUND_SEND, send, new DeliveryOptions().setLocalOnly(true)
        .addHeader(Correlation.HEADER, Correlation.orNone(correlationId)));
  }
}
