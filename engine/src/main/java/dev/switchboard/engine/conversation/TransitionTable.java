package dev.switchboard.engine.conversation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The conversation state machine as data: (state, trigger) → next state and whether the bot may answer.
 * A pair missing from the table is not a transition (the state stays and nothing is audited).
 */
public final class TransitionTable {

  /** The outcome of a trigger in a state. {@code botAnswers}: automation may reply to this event. */
  public record Transition(ConversationState next, boolean botAnswers) {
  }

  private static final Map<ConversationState, Map<Trigger, Transition>> TABLE = new EnumMap<>(ConversationState.class);

  static {
    put(ConversationState.BOT, Trigger.INBOUND, ConversationState.BOT, true);
    put(ConversationState.BOT, Trigger.HUMAN_REQUESTED, ConversationState.HUMAN, true);
    put(ConversationState.BOT, Trigger.AGENT_TAKEOVER, ConversationState.HUMAN, false);
    put(ConversationState.BOT, Trigger.IDLE_TIMEOUT, ConversationState.CLOSED, false);
    put(ConversationState.BOT, Trigger.AGENT_CLOSE, ConversationState.CLOSED, false);

    put(ConversationState.HUMAN, Trigger.INBOUND, ConversationState.HUMAN, false);
    put(ConversationState.HUMAN, Trigger.HUMAN_REQUESTED, ConversationState.HUMAN, false);
    put(ConversationState.HUMAN, Trigger.AGENT_HANDBACK, ConversationState.BOT, false);
    put(ConversationState.HUMAN, Trigger.IDLE_TIMEOUT, ConversationState.CLOSED, false);
    put(ConversationState.HUMAN, Trigger.AGENT_CLOSE, ConversationState.CLOSED, false);

    put(ConversationState.CLOSED, Trigger.INBOUND, ConversationState.BOT, true);
    put(ConversationState.CLOSED, Trigger.HUMAN_REQUESTED, ConversationState.HUMAN, true);
    put(ConversationState.CLOSED, Trigger.AGENT_TAKEOVER, ConversationState.HUMAN, false);
  }

  private TransitionTable() {
  }

  private static void put(ConversationState from, Trigger trigger, ConversationState to, boolean botAnswers) {
    TABLE.computeIfAbsent(from, s -> new EnumMap<>(Trigger.class)).put(trigger, new Transition(to, botAnswers));
  }

  public static Optional<Transition> apply(ConversationState from, Trigger trigger) {
    return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(trigger));
  }
}
