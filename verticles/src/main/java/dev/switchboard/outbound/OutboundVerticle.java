package dev.switchboard.outbound;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.switchboard.engine.store.Stores;
import dev.switchboard.config.OutboundConfig;
import dev.switchboard.config.SenderKind;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.ConversationStateChanged;
import dev.switchboard.engine.bus.Correlation;
import dev.switchboard.engine.bus.FailureCode;
import dev.switchboard.engine.bus.SendCommand;
import dev.switchboard.engine.bus.SessionCommand;
import dev.switchboard.engine.event.StatusChanged;
import dev.switchboard.engine.outbound.Backoff;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import io.vertx.core.eventbus.DeliveryOptions;
import dev.switchboard.engine.outbound.SendResult;
import dev.switchboard.metrics.SwitchboardMetrics;
import dev.switchboard.engine.session.TurnBacklog;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.switchboard.engine.event.ConversationKey;
import java.util.LinkedHashSet;

/**
 * Moves outbox commands PENDING → SENDING → SENT | RETRY | DEAD. A command is claimed with a compare-and-set
 * on its status, so the "send now" nudge from the session and the periodic due scan never both send it.
 * Also applies provider delivery reports to the command they concern.
 */
public final class OutboundVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(OutboundVerticle.class);
  private final OutboundConfig config;
  private final TenantDirectory directory;
  private final Stores stores;
  private final SandboxLog sandbox;
  private final Clock clock;
  private final Backoff backoff;
  private final SendLimits limits;
  private final SendLease lease;
  private final SwitchboardMetrics metrics;
  private final ConversationLanes lanes = new ConversationLanes();
  private final HandedOver handedOver = new HandedOver();
  private final SendHints hints = new SendHints();
  private final TurnBacklog backlog;
  private final OlderReplies older;
  /** Conversations with a command ready while {@code maxInFlight} sends were under way, in the order they came. */
  private final LinkedHashSet<ConversationKey> waiting =
      new LinkedHashSet<>();
  private int inFlight;
  private Map<SenderKind, Sender> senders;
  private WhatsAppSender whatsapp;
  private Breakers breakers;
  private ReengagementWindow window;
  private WebClient client;
  private long scanTimer = -1;

  public OutboundVerticle(OutboundConfig config, TenantDirectory directory, Stores stores, SandboxLog sandbox,
                          Clock clock, SwitchboardMetrics metrics, TurnBacklog backlog, boolean orderAcrossProcesses) {
    this.backlog = backlog;
    this.older = new OlderReplies(stores.outbox(), orderAcrossProcesses);
    this.metrics = metrics;
    this.config = config;
    this.directory = directory;
    this.stores = stores;
    this.sandbox = sandbox;
    this.clock = clock;
    this.backoff = new Backoff(Duration.ofMillis(config.baseBackoffMs()), Duration.ofMillis(config.maxBackoffMs()),
        config.maxAttempts(), Duration.ofMillis(config.maxAgeMs()));
    this.limits = new SendLimits(stores.rateLimiter(), config);
    this.lease = new SendLease(stores.outbox(), clock, config.requestTimeoutMs());
  }

  @Override
  public Future<?> start() {
    client = HttpCall.client(vertx);
    HttpCall http = new HttpCall(client, config.requestTimeoutMs());
    whatsapp = new WhatsAppSender(http, config.whatsappBaseUrl());
    MessengerSender messenger = new MessengerSender(http, config.messengerBaseUrl(), config.instagramBaseUrl());
    senders = new EnumMap<>(Map.of(
        SenderKind.SANDBOX, new SandboxSender(sandbox, clock),
        SenderKind.WEBCHAT, new WebchatSender(vertx.eventBus(), config.requestTimeoutMs()),
        SenderKind.WHATSAPP, whatsapp,
        SenderKind.TELEGRAM, new TelegramSender(http, config.telegramBaseUrl()),
        SenderKind.MESSENGER, messenger,
        SenderKind.INSTAGRAM, messenger,
        SenderKind.TRELLO, new TrelloSender(http, config.trelloBaseUrl(), clock),
        SenderKind.CALCOM, new CalcomSender(http, config.calcomBaseUrl(), clock),
        SenderKind.WEBHOOK, new WebhookOutSender(http, clock),
        SenderKind.SMTP, new EmailSender(vertx, config.requestTimeoutMs())));
    senders.put(SenderKind.CALENDAR, new CalendarSender(stores.bookings()));
    breakers = new Breakers(vertx, config, metrics);
    window = new ReengagementWindow(stores.conversations(), clock, Duration.ofHours(config.windowHours()));
    scanTimer = vertx.setPeriodic(config.dueScanMs(), id -> scanDue());
    return Future.join(
        vertx.eventBus().<SendCommand>localConsumer(Addresses.OUTBOUND_SEND, m -> {
          hints.remember(m.body());
          admit(m.body().key(), m.body().createdAt(), m.body().commandId(), !m.body().newConversation());
        }).completion(),
        vertx.eventBus().<StatusChanged>consumer(Addresses.OUTBOUND_STATUS, this::onStatus).completion(),
        vertx.eventBus().<Integer>localConsumer(Addresses.PARTITIONS_ASSIGNED, m -> older.forget()).completion(),
        // Cluster-wide: the hand-off may have run on another node.
        vertx.eventBus().<ConversationStateChanged>consumer(Addresses.CONVERSATION_STATE,
            m -> handedOver.apply(m.body())).completion());
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(scanTimer);
    client.close();
    return Future.succeededFuture();
  }

  /** Due commands (retries, and any whose nudge was lost, e.g. after a restart) join their lanes, oldest first. */
  private void scanDue() {
    stores.outbox().due(clock.instant(), 200)
        .onSuccess(list -> list.forEach(c -> admit(c.key(), c.createdAt(), c.id(), true)));
  }

  /** Queues a command in its conversation's lane, behind any older reply held elsewhere (see OlderReplies). */
  private void admit(ConversationKey key, Instant createdAt, String id, boolean mayHaveOlder) {
    boolean read = older.needsRead(key, !lanes.has(key), mayHaveOlder);
    lanes.enqueue(key, createdAt, id);
    if (!read) {
      pump(key);
      return;
    }
    older.read(key, createdAt, id).onSuccess(found -> {
      found.forEach(c -> lanes.enqueue(c.key(), c.createdAt(), c.id()));
      pump(key);
    });
  }

  /**
   * Sends the head of a conversation's lane; when it settles, the next one goes. At most {@code maxInFlight} sends
   * are under way: beyond that the conversation waits its turn here, not in the HTTP client's queue, where each
   * request's timeout would already be running (under load, queued sends timed out and came back as retries).
   */
  private void pump(ConversationKey key) {
    if (older.loading(key)) {
      return;
    }
    if (inFlight >= config.maxInFlight()) {
      waiting.add(key);
      return;
    }
    String id = lanes.take(key);
    if (id == null) {
      return;
    }
    inFlight++;
    attempt(id).onComplete(ar -> {
      inFlight--;
      backlog.commandTried(id);
      boolean settled = ar.succeeded() && ar.result();
      if (ar.failed()) {
        LOG.error("outbound attempt failed command={}", id.hashCode(), ar.cause());
      }
      lanes.release(key, id, settled);
      if (settled) {
        hints.forget(id);
        pump(key);
      }
      while (inFlight < config.maxInFlight() && !waiting.isEmpty()) {
        var next = waiting.iterator().next();
        waiting.remove(next);
        pump(next);
      }
    });
  }

  /** True when the command is done with (SENT, DEAD or gone); false when it must stay at the head of its lane. */
  private Future<Boolean> attempt(String commandId) {
    // The command as the session just committed it, when it came with its nudge: no read back from the store.
    OutboundCommand known = hints.take(commandId);
    return (known != null ? Future.succeededFuture(known) : stores.outbox().get(commandId)).compose(command -> {
      if (command == null || command.status() == CommandStatus.SENT || command.status() == CommandStatus.DEAD) {
        return Future.succeededFuture(true);
      }
      boolean waiting = command.nextAttemptAt() != null && command.nextAttemptAt().isAfter(clock.instant());
      if (command.status() == CommandStatus.SENDING && !waiting) {
        // The claim's lease is over: whoever sent it died mid-send.
        return lease.takeBack(command).compose(won -> won ? attempt(commandId) : Future.succeededFuture(false));
      }
      if (command.status() == CommandStatus.SENDING || waiting) {
        return Future.succeededFuture(false);
      }
      if (handedOver.stale(command, directory.channel(command.key().channelId()).isPresent())) {
        LOG.info("outbound dropped, a person took the conversation over {} {}", kv("tenant", command.key().tenantId()),
            kv("conversation", command.key().logId()));
        metrics.outbound(command.key().tenantId(), command.sender(), "superseded");
        return stores.outbox().transition(command.status(), command.dead("superseded: a person took the conversation over"))
            .map(true);
      }
      if (breakers.isOpen(command.key().tenantId(), command.sender())) {
        // The provider is failing: leave the command due; the scan tries again once the breaker half-opens.
        return Future.succeededFuture(false);
      }
      return limits.waitFor(command).compose(wait -> {
        if (!wait.isZero()) {
          // Over a rate limit: wait for the token instead of failing; the command keeps its place in its lane.
          metrics.rateLimited(command.sender());
          vertx.setTimer(Math.max(1, wait.toMillis()), t -> pump(command.key()));
          return Future.succeededFuture(false);
        }
        return claim(command).map(status -> status == CommandStatus.SENT || status == CommandStatus.DEAD);
      });
    });
  }

  private Future<CommandStatus> claim(OutboundCommand command) {
    OutboundCommand claimed = command.sending(lease.until());
    return stores.outbox().transition(command.status(), claimed)
        .compose(won -> won ? deliver(claimed) : Future.succeededFuture(CommandStatus.SENDING));
  }

  private Future<CommandStatus> deliver(OutboundCommand command) {
    Destination to = destination(command);
    // A command stores its sender as a word; one written by a newer version may name a sender this one lacks.
    Sender sender = senderFor(command.sender());
    if (to == null || sender == null) {
      return settle(command, new SendResult.Permanent("no sender " + command.sender() + " for this destination"));
    }
    return breakers.call(command.key().tenantId(), command.sender(), () -> send(sender, command, to))
        .recover(e -> Future.succeededFuture(new SendResult.Transient("circuit open", null)))
        .compose(result -> settle(command, result));
  }

  private Future<SendResult> send(Sender sender, OutboundCommand command, Destination to) {
    if (sender != whatsapp) {
      return sender.send(command, to);
    }
    return window.decide(command, to, hints.lastInboundAt(command.key())).compose(decision -> decision.payload() == null
        ? Future.succeededFuture(new SendResult.Permanent(decision.refusal()))
        : whatsapp.send(command, decision.payload(), to));
  }

  private Sender senderFor(String word) {
    try {
      return senders.get(SenderKind.of(word));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private Destination destination(OutboundCommand command) {
    String id = command.key().channelId();
    var channel = directory.channel(id);
    if (channel.isPresent()) {
      return new Destination(channel.get().channel(), null);
    }
    return directory.integration(id).map(i -> new Destination(null, i.integration())).orElse(null);
  }

  private Future<CommandStatus> settle(OutboundCommand command, SendResult result) {
    Instant now = clock.instant();
    OutboundCommand next;
    if (result instanceof SendResult.Sent s) {
      next = command.sent(s.providerMessageId());
    } else if (result instanceof SendResult.Transient t
        && !backoff.exhausted(command.attempts(), command.createdAt(), now)) {
      next = command.retryAt(now.plus(backoff.next(command.attempts(), t.retryAfter())), t.reason());
    } else if (result instanceof SendResult.Transient t) {
      next = command.dead("retries exhausted: " + t.reason());
    } else {
      next = command.dead(((SendResult.Permanent) result).reason());
    }
    metrics.outbound(command.key().tenantId(), command.sender(), next.status().name().toLowerCase(Locale.ROOT));
    if (next.status() == CommandStatus.SENT) {
      LOG.info("outbound sent {} {} {} sender={} attempt={}", kv("cid", cid(command)),
          kv("tenant", command.key().tenantId()), kv("conversation", command.key().logId()), command.sender(),
          command.attempts());
    } else {
      LOG.warn("outbound {} {} {} {} sender={} attempt={} reason={}", next.status(), kv("cid", cid(command)),
          kv("tenant", command.key().tenantId()), kv("conversation", command.key().logId()), command.sender(),
          command.attempts(), next.lastError());
    }
    return stores.outbox().transition(CommandStatus.SENDING, next)
        .onSuccess(applied -> {
          // The booking dialogue waits for a calendar call's outcome (see scheduler.BookingVerticle).
          if (applied && next.status() != CommandStatus.RETRY && OutboundPayload.calendar(next.payload())) {
            vertx.eventBus().send(Addresses.BOOKING_SETTLED, next.id(), new DeliveryOptions().setLocalOnly(true));
          }
        })
        .map(next.status());
  }

  private static String cid(OutboundCommand command) {
    return Correlation.orNone(command.correlationId());
  }

  private void onStatus(Message<StatusChanged> message) {
    StatusChanged status = message.body();
    stores.outbox().applyDelivery(status.providerMessageId(),
            c -> c.withDelivery(status.status(), status.errorCode() == null ? null
                : "provider error " + status.errorCode() + " " + status.errorReason()))
        .compose(updated -> stores.inbox().markProcessed(List.of(status.dedupeKey())))
        .onSuccess(v -> message.reply(new SessionCommand.Accepted("STATUS")))
        .onFailure(e -> message.fail(FailureCode.UNAVAILABLE.code(), "status not applied"));
  }
}
