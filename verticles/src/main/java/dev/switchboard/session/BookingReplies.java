package dev.switchboard.session;

import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.store.SessionStep;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.outbound.Outbox;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A message the booking sends on its own (not as the answer to a turn): committed with its audit entries as a step of
 * the conversation, its command id derived from {@code source} (what caused it), so it goes out once. While a person
 * has the conversation the bot stays silent: the audit entries are written, the message is not.
 */
final class BookingReplies {
  private static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);
  private final Stores stores;
  private final TenantDirectory directory;
  private final Outbox outbox;
  private final Clock clock;

  BookingReplies(Stores stores, TenantDirectory directory, Outbox outbox, Clock clock) {
    this.stores = stores;
    this.directory = directory;
    this.outbox = outbox;
    this.clock = clock;
  }

  String commandId(Conversation c, String source) {
    return OutboundCommand.forEvent(c.key().tenantId(), c.key().channelId(), source, 0);
  }

  Future<String> send(Conversation c, String source, String text, List<AuditEntry> audit) {
    var channel = directory.channel(c.key().channelId()).orElse(null);
    Instant now = clock.instant();
    if (channel == null || c.state() == ConversationState.HUMAN || c.optedOut() || c.blocked()) {
      return commit(new SessionStep(c.touched(now), List.of(), audit, List.of(), List.of())).map(BookingEvents.SKIPPED);
    }
    return deliver(c, source, new OutboundPayload.Text(text, null), text, audit, now);
  }

  /** A reminder: also when a person has the conversation; outside WhatsApp's window only as the template. */
  Future<String> sendReminder(Conversation c, String source, String text, OutboundPayload.Template template) {
    var channel = directory.channel(c.key().channelId()).orElse(null);
    Instant now = clock.instant();
    if (channel == null) {
      return Future.succeededFuture(BookingEvents.SKIPPED);
    }
    boolean windowClosed = channel.channel().type() == ChannelType.WHATSAPP
        && (c.lastInboundAt() == null || c.lastInboundAt().plus(WHATSAPP_WINDOW).isBefore(now));
    if (windowClosed && template == null) {
      return Future.succeededFuture("window-closed");
    }
    return stores.outbox().get(commandId(c, source)).compose(done -> done != null
        ? Future.succeededFuture(BookingEvents.SKIPPED)
        : deliver(c, source, windowClosed ? template : new OutboundPayload.Text(text, null),
        windowClosed ? "[template " + template.name() + "]" : text, List.of(), now));
  }

  private Future<String> deliver(Conversation c, String source, OutboundPayload payload, String stored,
                                 List<AuditEntry> audit, Instant now) {
    var channel = directory.channel(c.key().channelId()).orElseThrow().channel();
    String id = commandId(c, source);
    OutboundCommand command = OutboundCommand.pending(id, c.key(), channel.type(), channel.sender().wire(),
        c.replyTo(), payload, now, null);
    SessionStep step = new SessionStep(c.touched(now), List.of(new Turn(Direction.OUTBOUND, stored, id, now)), audit,
        List.of(command), List.of());
    return stores.outbox().get(id).compose(done -> done != null ? Future.succeededFuture(BookingEvents.SKIPPED)
        : commit(step).onSuccess(v -> outbox.due(step.commands(), c.lastInboundAt())).map(BookingEvents.DONE));
  }

  private Future<Void> commit(SessionStep step) {
    return stores.conversations().commit(step);
  }
}
