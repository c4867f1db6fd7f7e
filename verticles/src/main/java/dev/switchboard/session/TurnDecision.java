package dev.switchboard.session;

import dev.switchboard.config.TenantConfig;
import dev.switchboard.engine.ai.intent.IntentClassifier;
import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.ErasureRequest;
import dev.switchboard.engine.conversation.Keywords;
import dev.switchboard.engine.conversation.TransitionTable;
import dev.switchboard.engine.conversation.Trigger;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.Content;
import dev.switchboard.engine.event.MessageReceived;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy part of a turn, before any AI: applies each message of the batch to the conversation (opt-out,
 * opt-in, hand-off request, state table) and says what kind of answer, if any, the bot owes. Opt-out and hand-off
 * come from the tenant's intent classifier, whatever words the customer used ("parem de me mandar isso", "pede pra
 * alguém me ligar"), and from the exact policy keywords ("PARAR", "atendente"), whichever provider answers: an
 * opt-out inside a message the AI guard blocks is still an opt-out.
 */
final class TurnDecision {
  /** A classified opt-out stops messages: it must be confident (a wrong one silences a customer). */
  static final double OPT_OUT_CONFIDENCE = 0.6;
  static final double HUMAN_CONFIDENCE = 0.6;

  /** What the bot should answer with. */
  enum Answer { NONE, OPT_OUT_CONFIRMATION, HANDOFF_NOTICE, AI }

  final List<Turn> inbound = new ArrayList<>();
  final List<AuditEntry> audit = new ArrayList<>();
  Conversation conversation;
  Answer answer = Answer.NONE;
  /** The customer asked for their data to be erased: the hand-off says so and the conversation is flagged. */
  boolean erasure;
  /** The classification of the batch's only message (null for a batch of several: the AI reads them merged). */
  IntentClassifier.Classification classified;

  private TurnDecision(Conversation conversation) {
    this.conversation = conversation;
  }

  /** The hand-off notice; for an erasure request the tenant's {@code erasureRequested} text, or a default one. */
  String handoffText(TenantConfig tenant) {
    if (!erasure) {
      return tenant.template("handoff");
    }
    String text = tenant.template("erasureRequested");
    return text != null ? text : "Recebemos seu pedido para apagar seus dados. Uma pessoa da equipe vai cuidar disso "
        + "e confirmar com você por aqui.";
  }

  static TurnDecision decide(Conversation start, List<MessageReceived> batch, Instant now, IntentClassifier intents) {
    TurnDecision d = new TurnDecision(start);
    for (MessageReceived m : batch) {
      d.apply(m, now, intents);
    }
    if (batch.size() > 1) {
      d.classified = null;
    }
    return d;
  }

  private void apply(MessageReceived m, Instant now, IntentClassifier intents) {
    if (m.content() instanceof Content.Reaction r) {
      // Kept in the conversation, never answered, and no change of state: a 👍 is not a question.
      inbound.add(new Turn(Direction.INBOUND, r.label(), m.source().eventId(), m.source().occurredAt()));
      conversation = conversation.touched(now);
      return;
    }
    String text = m.content().text();
    conversation = conversation.withInbound(m.contact().replyTo(), now);
    inbound.add(new Turn(Direction.INBOUND, text, m.source().eventId(), m.source().occurredAt()));
    IntentClassifier.Classification c = intents.classify(text);
    classified = c;
    boolean optOut = Keywords.isOptOut(text) || c.intent().equals("opt_out") && c.confidence() >= OPT_OUT_CONFIDENCE;
    // A keyword alone ("o atendente foi grosso") is a complaint, not a request for a person.
    boolean erasureAsked = ErasureRequest.matches(text);
    boolean human = c.intent().equals("human") && c.confidence() >= HUMAN_CONFIDENCE
        || Keywords.asksForHuman(text) && !c.intent().equals("complaint") || erasureAsked;
    if (optOut) {
      conversation = conversation.withOptedOut(true, now);
      answer = Answer.OPT_OUT_CONFIRMATION;
      return;
    }
    if (Keywords.isOptIn(text) && conversation.optedOut()) {
      conversation = conversation.withOptedOut(false, now);
    }
    if (erasureAsked && !ErasureRequest.FLAG.equals(conversation.flag()) && !conversation.blocked()) {
      // LGPD: a person runs the erasure; the flag and the audit entry say what they are asked to do.
      erasure = true;
      audit.add(new AuditEntry(conversation.key(), conversation.state(), conversation.state(),
          Trigger.ERASURE_REQUESTED, "customer", now));
      conversation = conversation.withFlag(ErasureRequest.FLAG);
    }
    Trigger trigger = human ? Trigger.HUMAN_REQUESTED : Trigger.INBOUND;
    var transition = TransitionTable.apply(conversation.state(), trigger).orElse(null);
    if (transition == null) {
      return;
    }
    ConversationState from = conversation.state();
    if (transition.next() != from) {
      audit.add(new AuditEntry(conversation.key(), from, transition.next(), trigger, "customer", now));
      conversation = conversation.withState(transition.next(), now);
    }
    if (conversation.optedOut() || !transition.botAnswers()) {
      answer = Answer.NONE;
    } else {
      answer = trigger == Trigger.HUMAN_REQUESTED ? Answer.HANDOFF_NOTICE : Answer.AI;
    }
  }
}
