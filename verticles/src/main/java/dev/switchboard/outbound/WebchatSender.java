package dev.switchboard.outbound;

import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.WebchatDelivery;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.outbound.SendResult;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Duration;
import io.vertx.core.eventbus.EventBus;

/**
 * Sends a reply to the edge socket of the visitor (on whichever node it is open) and waits for it to be written.
 * No open socket, or none that wrote it in time, is a retry, not a send: the reply waits for the visitor (the outbox
 * tries again every minute within its attempts and age) and, when the visitor reconnects, it goes with the
 * conversation's history (see {@code WebchatSocket}).
 */
final class WebchatSender implements Sender {
  /** How long a visitor who is away is left before the next try. */
  static final Duration OFFLINE_RETRY = Duration.ofMinutes(1);
  private final EventBus bus;
  private final long timeoutMs;

  WebchatSender(EventBus bus, long timeoutMs) {
    this.bus = bus;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<SendResult> send(OutboundCommand command, Destination to) {
    String text = command.payload() instanceof OutboundPayload.Text t ? t.body()
        : command.payload() instanceof OutboundPayload.Buttons b ? b.body() : "";
    return bus.request(Addresses.webchatOut(to.id(), command.recipient()), new WebchatDelivery(command.id(), text),
            new DeliveryOptions().setSendTimeout(timeoutMs))
        .map(written -> (SendResult) new SendResult.Sent(command.id(), null))
        .otherwise(e -> new SendResult.Transient(SendResult.Transient.RECIPIENT_AWAY, OFFLINE_RETRY));
  }
}
