package dev.switchboard.normalize;

import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.Correlation;
import dev.switchboard.engine.bus.SessionCommand;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.event.NormalizedEvent;
import dev.switchboard.engine.event.StatusChanged;
import dev.switchboard.engine.store.InboxStore;
import dev.switchboard.session.SessionGateway;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.util.List;

/**
 * Hands an event that is already in the inbox to whoever acts on it: a customer message to the session shard
 * owning its conversation, a delivery status to outbound. Used for fresh webhooks and for recovery alike.
 */
public final class EventRouter {
  private final EventBus bus;
  private final InboxStore inbox;
  private final SessionGateway sessions;
  private final DeliveryOptions options = new DeliveryOptions().setSendTimeout(3000);

  public EventRouter(EventBus bus, InboxStore inbox, SessionGateway sessions) {
    this.bus = bus;
    this.inbox = inbox;
    this.sessions = sessions;
  }

  /** True when an actor took the event; false when it was only recorded (nothing acts on it yet). */
  public Future<Boolean> route(NormalizedEvent event, String correlationId) {
    if (event instanceof MessageReceived m) {
      ConversationKey key = ConversationKey.of(m.source().channel(), m.contact());
      return sessions.submit(new SessionCommand.Deliver(key, m), correlationId).map(true);
    }
    if (event instanceof StatusChanged s) {
      DeliveryOptions withId = new DeliveryOptions(options).addHeader(Correlation.HEADER, Correlation.orNone(correlationId));
      return bus.request(Addresses.OUTBOUND_STATUS, s, withId).map(true);
    }
    return inbox.markProcessed(List.of(event.dedupeKey())).map(false);
  }
}
