package dev.switchboard.outbound;

import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.outbound.whatsapp.WhatsAppRequests;
import dev.switchboard.engine.store.ConversationStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.time.Instant;

/**
 * WhatsApp's 24-hour customer-service window: free-form messages only within it after the contact's last inbound
 * message. Outside it, the channel's re-engagement template goes instead; with none configured the command is
 * refused with that reason (WhatsApp would refuse it with 131047 anyway).
 */
final class ReengagementWindow {

  /** What to send: the payload to use, or null with the reason it cannot be sent. */
  record Decision(OutboundPayload payload, String refusal) {
  }

  private final ConversationStore conversations;
  private final Clock clock;
  private final Duration window;

  ReengagementWindow(ConversationStore conversations, Clock clock, Duration window) {
    this.conversations = conversations;
    this.clock = clock;
    this.window = window;
  }

  /**
   * {@code knownInbound}: the conversation's last inbound time as the session last reported it (null if unknown).
   * It only grows, so when it already shows the window open the store need not be asked.
   */
  Future<Decision> decide(OutboundCommand command, Destination to, Instant knownInbound) {
    if (!WhatsAppRequests.freeForm(command.payload())) {
      return Future.succeededFuture(new Decision(command.payload(), null));
    }
    if (knownInbound != null && knownInbound.plus(window).isAfter(clock.instant())) {
      return Future.succeededFuture(new Decision(command.payload(), null));
    }
    return conversations.find(command.key()).map(conversation -> {
      boolean open = conversation != null && conversation.lastInboundAt() != null
          && conversation.lastInboundAt().plus(window).isAfter(clock.instant());
      if (open) {
        return new Decision(command.payload(), null);
      }
      String template = to.channel().reengagementTemplate();
      if (template == null) {
        return new Decision(null, "whatsapp 24-hour window closed and no re-engagement template configured");
      }
      return new Decision(new OutboundPayload.Template(template, to.channel().reengagementLanguage(), List.of()), null);
    });
  }
}
