package dev.switchboard.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransitionTableTest {

  @ParameterizedTest
  @CsvSource({
    "BOT, INBOUND, BOT, true",
    "BOT, HUMAN_REQUESTED, HUMAN, true",
    "BOT, AGENT_TAKEOVER, HUMAN, false",
    "BOT, IDLE_TIMEOUT, CLOSED, false",
    "HUMAN, INBOUND, HUMAN, false",
    "HUMAN, HUMAN_REQUESTED, HUMAN, false",
    "HUMAN, AGENT_HANDBACK, BOT, false",
    "HUMAN, IDLE_TIMEOUT, CLOSED, false",
    "CLOSED, INBOUND, BOT, true",
    "CLOSED, HUMAN_REQUESTED, HUMAN, true",
    "CLOSED, AGENT_TAKEOVER, HUMAN, false"})
  void transitions(ConversationState from, Trigger trigger, ConversationState to, boolean botAnswers) {
    var t = TransitionTable.apply(from, trigger).orElseThrow();
    assertThat(t.next()).isEqualTo(to);
    assertThat(t.botAnswers()).isEqualTo(botAnswers);
  }

  @ParameterizedTest
  @CsvSource({"BOT, AGENT_HANDBACK", "CLOSED, IDLE_TIMEOUT", "CLOSED, AGENT_HANDBACK"})
  void pairsOutsideTheTableAreNotTransitions(ConversationState from, Trigger trigger) {
    assertThat(TransitionTable.apply(from, trigger)).isEmpty();
  }
}
