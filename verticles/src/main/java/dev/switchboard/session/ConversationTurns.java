package dev.switchboard.session;

import dev.switchboard.engine.bus.SessionCommand;
import dev.switchboard.engine.session.TurnBacklog;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.switchboard.engine.store.Stores;
import dev.switchboard.booking.Calendars;
import dev.switchboard.tenant.IntentModels;
import dev.switchboard.config.SessionConfig;
import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.ConversationStateChanged;
import dev.switchboard.engine.bus.ConversationActivity;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.ErasureRequest;
import dev.switchboard.engine.conversation.TransitionTable;
import dev.switchboard.engine.conversation.Trigger;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.store.SessionStep;
import dev.switchboard.metrics.SwitchboardMetrics;
import dev.switchboard.outbound.Outbox;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps a session runs on a conversation's mailbox: a customer turn, an agent hand-off or hand-back, and
 * an idle close. Each step commits the conversation, its messages, audit entries, outbound commands and the
 * inbox events it consumed together, then tells outbound which commands are due.
 */
public final class ConversationTurns {
  private static final Logger LOG = LoggerFactory.getLogger(ConversationTurns.class);
  private final EventBus bus;
  private final Stores stores;
  private final TenantDirectory directory;
  private final SessionConfig config;
  private final Clock clock;
  private final SwitchboardMetrics metrics;
  private final TurnBacklog backlog;
  private final Outbox outbox;
  private final IntentModels intents;
  private final FollowUps followUps;
  private final InboundPolicy policy;
  private final AiAsk ai;
  private final OperatorSteps operator;
  private final BookingTurn booking;
  private final BookingEvents bookingEvents;

  public ConversationTurns(EventBus bus, Stores stores, TenantDirectory directory, SessionConfig config, Clock clock,
                           SwitchboardMetrics metrics, TurnBacklog backlog, Outbox outbox, IntentModels intents,
                           Calendars calendars) {
    this.booking = new BookingTurn(stores.bookings(), calendars, clock);
    this.bookingEvents = new BookingEvents(stores, calendars, directory, new BookingReplies(stores, directory, outbox,
        clock), clock);
    this.intents = intents;
    this.followUps = new FollowUps(stores, directory, outbox, clock);
    this.policy = new InboundPolicy(stores.rateLimiter(), stores.conversations(), metrics);
    this.ai = new AiAsk(bus, stores, config, metrics);
    this.operator = new OperatorSteps(stores, clock, this::commit);
    this.backlog = backlog;
    this.outbox = outbox;
    this.metrics = metrics;
    this.bus = bus;
    this.stores = stores;
    this.directory = directory;
    this.config = config;
    this.clock = clock;
  }

  /**
   * One customer turn: the batch of messages held during the debounce window. Events another step already
   * processed (redelivered after a node was lost) are dropped and the turn runs on the rest, if any.
   */
  public Future<String> run(ConversationKey key, List<MessageReceived> messages, String cid,
                            BooleanSupplier superseded) {
    // An event routed again (recovery, the inbox sweeper) may sit in the mailbox next to its first delivery.
    List<MessageReceived> batch = messages.stream().filter(distinctBy(new HashSet<>())).toList();
    return runOnce(key, batch, cid, superseded).recover(e -> {
      if (!(e instanceof SessionStep.AlreadyProcessed done)) {
        return Future.failedFuture(e);
      }
      List<MessageReceived> rest = batch.stream().filter(m -> !done.dedupeKeys().contains(m.dedupeKey())).toList();
      LOG.info("redelivered events skipped {} conversation={} skipped={} remaining={}", kv("cid", cid), key.logId(),
          batch.size() - rest.size(), rest.size());
      metrics.redeliverySkipped(key.tenantId(), batch.size() - rest.size());
      return rest.isEmpty() ? Future.succeededFuture("SKIPPED") : run(key, rest, cid, superseded);
    });
  }

  private Future<String> runOnce(ConversationKey key, List<MessageReceived> batch, String cid,
                                 BooleanSupplier superseded) {
    TenantConfig tenant = directory.tenant(key.tenantId()).orElseThrow();
    MessageReceived last = batch.get(batch.size() - 1);
    long started = System.nanoTime();
    return stores.conversations().find(key).compose(existing -> {
      Instant now = clock.instant();
      Conversation start = existing != null ? existing : Conversation.open(key, last.contact().replyTo(), now);
      TurnDecision decision = TurnDecision.decide(start, batch, now, intents.forTenant(tenant));
      return answer(tenant, decision, batch, cid).compose(answered -> {
        String text = answered.text();
        if (decision.answer == TurnDecision.Answer.AI) {
          // A fallback flags the conversation for a person; the next real answer clears it. A block or a pending
          // erasure request stays until an operator acts on it.
          boolean kept = decision.conversation.blocked()
              || ErasureRequest.FLAG.equals(decision.conversation.flag());
          decision.conversation = kept ? decision.conversation
              : decision.conversation.withFlag(answered.fallback() ? "ai-fallback" : null);
        }
        // A booking step is never discarded: its dialogue is saved and its calendar call is part of the step.
        boolean discarded = decision.answer == TurnDecision.Answer.AI && answered.booking() == null
            && superseded.getAsBoolean();
        if (discarded) {
          // Newer messages arrived while the answer was prepared: they get the answer, this turn stays silent.
          text = null;
        }
        List<Turn> messages = new ArrayList<>(decision.inbound);
        List<OutboundCommand> commands = new ArrayList<>();
        if (text != null && !text.isBlank()) {
          commands.add(command(decision.conversation, last.source().eventId(), text, now, cid));
          messages.add(new Turn(Direction.OUTBOUND, text, commands.get(0).id(), now));
        }
        List<String> processed = batch.stream().map(MessageReceived::dedupeKey).toList();
        List<AuditEntry> audit = new ArrayList<>(decision.audit);
        if (answered.booking() != null) {
          commands.addAll(answered.booking().commands());
          audit.addAll(answered.booking().audit());
        }
        if (answered.fallback() && !commands.isEmpty()) {
          // Audited, not a transition: the roll-up counts fallbacks from the trail (see Trigger.AI_FALLBACK).
          ConversationState state = decision.conversation.state();
          audit.add(new AuditEntry(key, state, state, Trigger.AI_FALLBACK, "ai", now));
        }
        return commit(new SessionStep(decision.conversation, messages, audit, commands, processed))
            .onSuccess(v -> {
              decision.audit.forEach(a -> metrics.transition(key.tenantId(), a.from().name(), a.to().name(),
                  a.trigger().name()));
              metrics.sessionStep(key.tenantId(), Duration.ofNanos(System.nanoTime() - started));
              LOG.info("turn committed {} {} {} event={} messages={} state={} answer={} replies={}", kv("cid", cid),
                  kv("tenant", key.tenantId()), kv("conversation", key.logId()), eventRef(last), batch.size(),
                  decision.conversation.state(), discarded ? "DISCARDED" : decision.answer, commands.size());
            })
            .map(decision.conversation.state().name());
      });
    });
  }

  private static Predicate<MessageReceived> distinctBy(Set<String> seen) {
    return m -> seen.add(m.dedupeKey());
  }

  /** Provider ids can embed the customer's number (a wamid is base64 of it): only a hash goes into logs. */
  private static String eventRef(MessageReceived m) {
    return "#" + Integer.toHexString(m.source().eventId().hashCode());
  }

  public Future<String> handoff(ConversationKey key, boolean toHuman, String actor) {
    if (!toHuman) {
      return transition(key, Trigger.AGENT_HANDBACK, actor);
    }
    return stores.conversations().find(key).compose(c -> c != null && c.state() == ConversationState.HUMAN
        ? claim(c, actor) : transition(key, Trigger.AGENT_TAKEOVER, actor));
  }

  /** A take-over of a conversation a person already has: only the audit trail (who has it) changes. */
  private Future<String> claim(Conversation c, String actor) {
    Instant now = clock.instant();
    var audit = new AuditEntry(c.key(), c.state(), c.state(), Trigger.AGENT_CLAIM, actor, now);
    return commit(new SessionStep(c.touched(now), List.of(), List.of(audit), List.of(), List.of()))
        .map(c.state().name());
  }

  /** A person closes the conversation; answers with the state after it. */
  public Future<String> close(ConversationKey key, String actor) {
    return transition(key, Trigger.AGENT_CLOSE, actor);
  }

  /** A scheduled follow-up; answers with what it did (see {@link FollowUps}). */
  public Future<String> followUp(SessionCommand.FollowUp command) {
    return followUps.send(command);
  }

  /** Something happened to a booking of this conversation (see {@link BookingEvents}). */
  public Future<String> bookingEvent(SessionCommand.BookingEvent b) {
    return bookingEvents.handle(b);
  }

  /** A person's message through the admin API (see {@link OperatorSteps}). */
  public Future<String> agentMessage(SessionCommand.AgentMessage a) {
    return operator.agentMessage(a);
  }

  /** Blocks or unblocks a contact (see {@link OperatorSteps}). */
  public Future<String> block(SessionCommand.Block b) {
    return operator.block(b);
  }

  public Future<String> closeIfIdle(ConversationKey key, Instant idleSince) {
    return stores.conversations().find(key).compose(c -> {
      if (c == null || c.lastActivityAt().isAfter(idleSince)) {
        return Future.succeededFuture(c == null ? ConversationState.CLOSED.name() : c.state().name());
      }
      return transition(key, Trigger.IDLE_TIMEOUT, "scheduler");
    });
  }

  private Future<String> transition(ConversationKey key, Trigger trigger, String actor) {
    return stores.conversations().find(key).compose(c -> {
      if (c == null) {
        return Future.failedFuture(Failure.notFound("no conversation " + key.asString()));
      }
      var next = TransitionTable.apply(c.state(), trigger).orElse(null);
      if (next == null || next.next() == c.state()) {
        return Future.succeededFuture(c.state().name());
      }
      Instant now = clock.instant();
      var audit = new AuditEntry(key, c.state(), next.next(), trigger, actor, now);
      Conversation updated = c.withState(next.next(), now);
      return commit(new SessionStep(updated, List.of(), List.of(audit), List.of(), List.of()))
          .onSuccess(v -> {
            // Every node's outbound drops what it still queues for this conversation from before the change.
            bus.publish(Addresses.CONVERSATION_STATE, new ConversationStateChanged(key, updated.state().name(), now));
            metrics.transition(key.tenantId(), audit.from().name(), audit.to().name(), trigger.name());
            LOG.info("conversation {} conversation={} {} -> {} by {}", trigger, key.logId(), audit.from(), audit.to(),
                actor.startsWith("agent:") ? "agent" : actor);
          })
          .map(updated.state().name());
    });
  }

  private Future<Answered> answer(TenantConfig tenant, TurnDecision decision, List<MessageReceived> batch, String cid) {
    if (decision.conversation.blocked() && decision.answer != TurnDecision.Answer.NONE) {
      metrics.inboundPolicy(tenant.id(), "blocked");
      return Future.succeededFuture(new Answered(null, false));
    }
    return switch (decision.answer) {
      case NONE -> Future.succeededFuture(new Answered(null, false));
      case OPT_OUT_CONFIRMATION -> Future.succeededFuture(new Answered(tenant.template("optOut"), false));
      case HANDOFF_NOTICE -> policy.apply(tenant, decision.conversation.key(), origin(batch), true, clock.instant())
          .map(v -> new Answered(v.proceed() ? decision.handoffText(tenant) : v.text(), false));
      case AI -> policy.apply(tenant, decision.conversation.key(), origin(batch), false, clock.instant())
          .compose(v -> !v.proceed() ? Future.succeededFuture(new Answered(v.text(), false))
              : booking.onCustomer(tenant, decision.conversation, batch, intents.forTenant(tenant),
                  decision.classified, cid)
              .compose(b -> b != null ? Future.succeededFuture(new Answered(b.text(), false, b))
                  : ai.ask(tenant, decision.conversation.key(), batch, cid, decision.classified)));
    };
  }

  private static String origin(List<MessageReceived> batch) {
    return batch.get(batch.size() - 1).contact().origin();
  }

  private OutboundCommand command(Conversation conversation, String sourceEventId, String text, Instant now,
                                  String cid) {
    var channel = directory.channel(conversation.key().channelId()).orElseThrow().channel();
    String id = OutboundCommand.forEvent(conversation.key().tenantId(), conversation.key().channelId(), sourceEventId,
        0);
    return OutboundCommand.pending(id, conversation.key(), channel.type(), channel.sender().wire(), conversation.replyTo(),
        new OutboundPayload.Text(text, null), now, cid);
  }

  private Future<Void> commit(SessionStep step) {
    return stores.conversations().commit(step).onSuccess(v -> {
      // The console's live feed on every node (no text: it reads the messages through the admin API).
      Conversation c = step.conversation();
      bus.publish(Addresses.CONVERSATION_ACTIVITY, new ConversationActivity(c.key(), c.state().name(), c.flag(),
          c.lastActivityAt()));
      if (!step.commands().isEmpty()) {
        // The messages of this step count as unanswered until their reply was tried (see TurnBacklog).
        backlog.handOver(step.processedDedupeKeys(), step.commands().get(0).id());
        outbox.due(step.commands(), step.conversation().lastInboundAt(), step.conversation().createdAt());
      }
    });
  }
}
