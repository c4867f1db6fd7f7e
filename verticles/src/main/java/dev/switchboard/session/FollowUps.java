package dev.switchboard.session;

import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.bus.SessionCommand;
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
 * A follow-up to a customer who went quiet, decided on the conversation's own mailbox so it cannot cross a message
 * the customer is sending. Its command id is derived from the customer's last message and the follow-up's number,
 * so however often a schedule runs (or re-runs after a crash) the n-th follow-up after one message goes out once.
 */
final class FollowUps {
  /** What a follow-up did; the schedule's execution log counts these. */
  static final String SENT = "sent";
  static final String NOT_DUE = "not-due";
  static final String NOT_BOT = "not-bot";
  static final String OPTED_OUT = "opted-out";
  static final String LIMIT = "limit";
  static final String WINDOW_CLOSED = "window-closed";
  private static final String MARK = "/follow-up/";
  private static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);
  private static final int HISTORY = 60;
  private final Stores stores;
  private final TenantDirectory directory;
  private final Outbox outbox;
  private final Clock clock;

  FollowUps(Stores stores, TenantDirectory directory, Outbox outbox, Clock clock) {
    this.stores = stores;
    this.directory = directory;
    this.outbox = outbox;
    this.clock = clock;
  }

  Future<String> send(SessionCommand.FollowUp f) {
    return stores.conversations().find(f.key()).compose(c -> {
      if (c == null || c.state() != ConversationState.BOT) {
        return Future.succeededFuture(NOT_BOT);
      }
      if (c.optedOut() || c.blocked()) {
        return Future.succeededFuture(OPTED_OUT);
      }
      if (c.lastInboundAt() == null || c.lastInboundAt().isAfter(f.quietSince())) {
        return Future.succeededFuture(NOT_DUE);
      }
      return stores.conversations().messages(f.key(), HISTORY).compose(history -> decide(f, c, history));
    });
  }

  private Future<String> decide(SessionCommand.FollowUp f, Conversation c, List<Turn> history) {
    int lastInbound = -1;
    for (int i = history.size() - 1; i >= 0 && lastInbound < 0; i--) {
      lastInbound = history.get(i).direction() == Direction.INBOUND ? i : -1;
    }
    if (lastInbound < 0) {
      return Future.succeededFuture(NOT_DUE);
    }
    int sent = 0;
    Instant lastFollowUp = null;
    for (Turn t : history.subList(lastInbound + 1, history.size())) {
      if (t.eventId() != null && t.eventId().contains(MARK)) {
        sent++;
        lastFollowUp = t.at();
      }
    }
    if (sent >= f.maxFollowUps()) {
      return Future.succeededFuture(LIMIT);
    }
    // The next follow-up waits as long after the previous one as the first waited after the customer.
    if (lastFollowUp != null && lastFollowUp.isAfter(f.quietSince())) {
      return Future.succeededFuture(NOT_DUE);
    }
    Instant now = clock.instant();
    var channel = directory.channel(c.key().channelId()).orElse(null);
    if (channel == null) {
      return Future.succeededFuture(NOT_BOT);
    }
    OutboundPayload payload = new OutboundPayload.Text(f.text(), null);
    String stored = f.text();
    boolean windowClosed = channel.channel().type() == ChannelType.WHATSAPP
        && c.lastInboundAt().plus(WHATSAPP_WINDOW).isBefore(now);
    if (windowClosed) {
      if (f.templateName() == null) {
        return Future.succeededFuture(WINDOW_CLOSED);
      }
      payload = new OutboundPayload.Template(f.templateName(), f.templateLanguage(), List.of());
      stored = "[template " + f.templateName() + "]";
    }
    String source = history.get(lastInbound).eventId() + MARK + (sent + 1);
    String id = OutboundCommand.forEvent(c.key().tenantId(), c.key().channelId(), source, 0);
    OutboundCommand command = OutboundCommand.pending(id, c.key(), channel.channel().type(),
        channel.channel().sender().wire(), c.replyTo(), payload, now, null);
    Turn turn = new Turn(Direction.OUTBOUND, stored, id, now);
    SessionStep step = new SessionStep(c.touched(now), List.of(turn), List.of(), List.of(command), List.of());
    return stores.conversations().commit(step)
        .onSuccess(v -> outbox.due(step.commands(), c.lastInboundAt()))
        .map(SENT);
  }
}
