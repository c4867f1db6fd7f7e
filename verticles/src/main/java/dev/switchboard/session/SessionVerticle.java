package dev.switchboard.session;

import dev.switchboard.engine.session.TurnBacklog;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.switchboard.config.SessionConfig;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.Correlation;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.bus.FailureCode;
import dev.switchboard.engine.bus.SessionCommand;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.session.KeyedMailboxes;
import dev.switchboard.metrics.SwitchboardMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session shard: owns the conversations whose key hashes to {@code shard}. Every command for a
 * conversation runs on that conversation's mailbox, in arrival order. Customer messages are first held for
 * the debounce window so a burst becomes one turn.
 */
public final class SessionVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SessionVerticle.class);
  private final int shard;
  private final SessionConfig config;
  private final ConversationTurns turns;
  private final SwitchboardMetrics metrics;
  private final TurnCompletions completions;
  private final TurnBacklog backlog;
  private static final long RETRY_FIRST_MS = 100;
  private static final long RETRY_MAX_MS = 2000;
  private final Map<ConversationKey, PendingTurn> pending = new HashMap<>();
  /** Messages of a conversation whose turn failed after its retries: they go first in its next turn. */
  private final Map<ConversationKey, List<MessageReceived>> carried = new HashMap<>();
  private volatile KeyedMailboxes<ConversationKey> mailboxes;

  public SessionVerticle(int shard, SessionConfig config, ConversationTurns turns, SwitchboardMetrics metrics,
                         TurnCompletions completions, TurnBacklog backlog) {
    this.backlog = backlog;
    this.metrics = metrics;
    this.completions = completions;
    this.shard = shard;
    this.config = config;
    this.turns = turns;
  }

  @Override
  public Future<?> start() {
    mailboxes = new KeyedMailboxes<>(config.maxPendingPerConversation(), config.maxPendingPerShard());
    String tag = String.valueOf(shard);
    metrics.gauge("sb_mailbox_pending", "Session tasks queued or running in a shard", () -> mailboxes.pending(),
        "shard", tag);
    metrics.gauge("sb_mailbox_active_conversations", "Conversations with a busy mailbox in a shard",
        () -> mailboxes.activeKeys(), "shard", tag);
    metrics.gauge("sb_debounce_held_conversations", "Conversations holding messages in the debounce window",
        () -> pending.size(), "shard", tag);
    return vertx.eventBus().<SessionCommand>localConsumer(Addresses.sessionShard(shard), this::handle).completion();
  }

  private void handle(Message<SessionCommand> message) {
    SessionCommand command = message.body();
    if (command instanceof SessionCommand.Deliver deliver && deliver.event() instanceof MessageReceived m) {
      hold(deliver.key(), m, message);
    } else if (command instanceof SessionCommand.Handoff h) {
      reply(message, mailboxes.submit(h.key(), () -> turns.handoff(h.key(), h.toHuman(), h.actor())));
    } else if (command instanceof SessionCommand.FollowUp f) {
      // Messages held in the debounce window are a customer writing right now: no follow-up over them.
      reply(message, pending.containsKey(f.key()) ? Future.succeededFuture(FollowUps.NOT_DUE)
          : mailboxes.submit(f.key(), () -> pending.containsKey(f.key()) ? Future.succeededFuture(FollowUps.NOT_DUE)
          : turns.followUp(f)));
    } else if (command instanceof SessionCommand.Block b) {
      reply(message, mailboxes.submit(b.key(), () -> turns.block(b)));
    } else if (command instanceof SessionCommand.AgentMessage a) {
      reply(message, mailboxes.submit(a.key(), () -> turns.agentMessage(a)));
    } else if (command instanceof SessionCommand.Close c) {
      reply(message, mailboxes.submit(c.key(), () -> turns.close(c.key(), c.actor())));
    } else if (command instanceof SessionCommand.BookingEvent b) {
      reply(message, mailboxes.submit(b.key(), () -> turns.bookingEvent(b)));
    } else if (command instanceof SessionCommand.CloseIdle c) {
      reply(message, mailboxes.submit(c.key(), () -> turns.closeIfIdle(c.key(), c.idleSince())));
    } else {
      message.fail(FailureCode.BAD_PAYLOAD.code(), "unsupported session command");
    }
  }

  /** Buffers a message for its conversation's next turn and (re)arms the debounce timer. */
  private void hold(ConversationKey key, MessageReceived m, Message<SessionCommand> message) {
    PendingTurn turn = pending.get(key);
    int held = turn == null ? 0 : turn.messages.size();
    // A message the normalizer already acknowledged was admitted against the node's turn backlog: never refused.
    if (!backlog.holds(m.dedupeKey()) && !mailboxes.hasRoom(key, held + 1)) {
      message.fail(FailureCode.QUEUE_FULL.code(), "conversation queue full");
      return;
    }
    long now = System.currentTimeMillis();
    if (turn == null) {
      turn = new PendingTurn(now);
      pending.put(key, turn);
    }
    turn.messages.add(m);
    turn.correlationId = message.headers().get(Correlation.HEADER);
    message.reply(new SessionCommand.Accepted("QUEUED"));
    if (turn.timerId >= 0) {
      vertx.cancelTimer(turn.timerId);
    }
    long wait = Math.min(config.debounceMs(), turn.firstAtMs + config.maxDebounceMs() - now);
    if (wait <= 0) {
      flush(key);
    } else {
      turn.timerId = vertx.setTimer(wait, id -> flush(key));
    }
  }

  private void flush(ConversationKey key) {
    PendingTurn turn = pending.remove(key);
    if (turn == null) {
      return;
    }
    List<MessageReceived> batch = List.copyOf(turn.messages);
    String cid = Correlation.orNone(turn.correlationId);
    if (batch.size() > 1) {
      metrics.debounceMerged(key.tenantId(), batch.size() - 1);
    }
    boolean admitted = batch.stream().anyMatch(m -> backlog.holds(m.dedupeKey()));
    List<MessageReceived> ran = new ArrayList<>(batch);
    Supplier<Future<String>> work = () -> {
      // Messages of an earlier turn of this conversation that failed for good go first: order holds.
      List<MessageReceived> earlier = carried.remove(key);
      if (earlier != null) {
        ran.addAll(0, earlier);
      }
      return retrying(() -> turns.run(key, ran, cid, () -> pending.containsKey(key)), key, cid,
          System.currentTimeMillis() + config.turnRetryMs(), RETRY_FIRST_MS);
    };
    (admitted ? mailboxes.submitAdmitted(key, work) : mailboxes.submit(key, work))
        .onComplete(ar -> {
          List<String> keys = ran.stream().map(MessageReceived::dedupeKey).toList();
          completions.settle(keys, ar);
          if (ar.succeeded()) {
            backlog.settleTurn(keys);
          } else {
            // Still unprocessed in the inbox: the next turn of this conversation takes them first, and the inbox
            // sweeper routes them again if no other message comes.
            carried.put(key, List.copyOf(ran));
            backlog.release(keys);
          }
        })
        .onFailure(e -> LOG.error("turn failed {} conversation={} messages={}", kv("cid", cid), key.logId(),
            batch.size(), e));
  }

  /**
   * A turn that failed (storage or bus unreachable) is run again with backoff until {@code deadline}, holding the
   * conversation's mailbox meanwhile, so its later messages cannot overtake it. A turn over events another step
   * already processed is not a failure (the turn skips them).
   */
  private Future<String> retrying(Supplier<Future<String>> turn, ConversationKey key, String cid, long deadline,
                                  long delayMs) {
    return turn.get().recover(e -> {
      if (System.currentTimeMillis() + delayMs > deadline) {
        return Future.failedFuture(e);
      }
      LOG.warn("turn failed, trying again {} conversation={} inMs={} cause={}", kv("cid", cid), key.logId(), delayMs,
          e.getClass().getSimpleName());
      return vertx.timer(delayMs).compose(t -> retrying(turn, key, cid, deadline, Math.min(delayMs * 2, RETRY_MAX_MS)));
    });
  }

  private static void reply(Message<SessionCommand> message, Future<String> outcome) {
    outcome.onSuccess(state -> message.reply(new SessionCommand.Accepted(state)))
        .onFailure(e -> Failure.reply(message, e instanceof KeyedMailboxes.MailboxFullException
            ? new Failure(FailureCode.QUEUE_FULL, "conversation queue full") : e));
  }

  @Override
  public Future<?> stop() {
    pending.values().forEach(t -> vertx.cancelTimer(t.timerId));
    return Future.succeededFuture();
  }
}
