package dev.switchboard.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordsTest {

  @ParameterizedTest
  @ValueSource(strings = {"quero falar com um atendente", "ATENDENTE", "falar com uma pessoa, por favor",
      "Quero atendimento humano", "can I talk to an agent?", "human please"})
  void asksForHuman(String text) {
    assertThat(Keywords.asksForHuman(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"quanto custa", "atendimento foi ótimo", "humanitário", "agenda"})
  void doesNotAskForHuman(String text) {
    assertThat(Keywords.asksForHuman(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PARAR", "parar", "Sair", "STOP", "stop!", "Descadastrar", "não quero mais mensagens"})
  void optOutIsTheWholeMessage(String text) {
    assertThat(Keywords.isOptOut(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"não quero parar o ar-condicionado", "o ar parou", "sair de casa às 8h", "stop motion"})
  void optOutWordsInsideASentenceAreOrdinaryMessages(String text) {
    assertThat(Keywords.isOptOut(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"VOLTAR", "start", "Receber mensagens"})
  void optIn(String text) {
    assertThat(Keywords.isOptIn(text)).isTrue();
  }
}
