package dev.switchboard.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import java.util.List;

class TextNormalizerTest {

  @Test
  void foldsCaseAccentsAndPunctuationIntoSingleSpaces() {
    assertThat(TextNormalizer.fold("  Olá,  MUNDO!!  Ação  ")).isEqualTo("ola mundo acao");
    assertThat(TextNormalizer.fold("São-Paulo/SP, 14h30")).isEqualTo("sao paulo sp 14h30");
    assertThat(TextNormalizer.fold("ÇÃÕ ü ñ")).isEqualTo("cao u n");
    assertThat(TextNormalizer.fold("👍 ok")).isEqualTo("ok");
    assertThat(TextNormalizer.fold("...")).isEmpty();
    assertThat(TextNormalizer.fold(null)).isEmpty();
  }

  @Test
  void phrasesMatchWholeFoldedWords() {
    assertThat(Phrases.containsAny(TextNormalizer.fold("Quero falar com um ATENDENTE!"), List.of("atendente")))
        .isTrue();
    assertThat(Phrases.containsAny(TextNormalizer.fold("boa noite"), List.of("oi"))).isFalse();
    assertThat(Phrases.containsAny(TextNormalizer.fold("oi, tudo bem"), List.of("Oi"))).isTrue();
  }
}
