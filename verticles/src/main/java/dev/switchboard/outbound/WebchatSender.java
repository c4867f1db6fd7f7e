package dev.switchboard.outbound;

import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.WebchatDelivery;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.outbound.SendResult;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;

/** Publishes a reply to the visitor's address, where the edge's open WebSocket for that visitor listens. */
final class WebchatSender implements Sender {
  private final EventBus bus;

  WebchatSender(EventBus bus) {
    this.bus = bus;
  }

  @Override
  public Future<SendResult> send(OutboundCommand command, Destination to) {
    String text = command.payload() instanceof OutboundPayload.Text t ? t.body()
        : command.payload() instanceof OutboundPayload.Buttons b ? b.body() : "";
    bus.publish(Addresses.webchatOut(to.id(), command.recipient()), new WebchatDelivery(command.id(), text));
    return Future.succeededFuture(new SendResult.Sent(command.id(), null));
  }
}
