package dev.switchboard.engine.ai.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules around the model, each on the case it exists for. */
class IntentClassifierTest {
  private static IntentClassifier classifier;

  @BeforeAll
  static void train() {
    classifier = IntentClassifier.builtIn();
  }

  private static String intent(String text) {
    return classifier.classify(text).intent();
  }

  @Test
  void theBuiltInSetIncludesComplaintAndStatus() {
    assertThat(classifier.intents()).containsAll(IntentClassifier.BUILT_IN);
  }

  @Test
  void aNegatedCancellationIsNotACancellation() {
    assertThat(intent("não é pra desmarcar, só mudar o horário pra sexta")).isEqualTo("schedule");
    assertThat(intent("quero desmarcar a consulta")).isEqualTo("cancel");
  }

  @Test
  void aGreetingFollowedByARequestIsTheRequest() {
    assertThat(intent("oi, boa tarde! tudo bem? quanto custa a limpeza de pele?")).isEqualTo("pricing");
    assertThat(intent("bom dia")).isEqualTo("greeting");
  }

  @Test
  void theDominantIntentOfSeveralSentencesWins() {
    assertThat(intent("Fiquei muito chateada com o atendimento. Quero falar com o gerente agora.")).isEqualTo("human");
  }

  @Test
  void optOutAndHumanInOtherWordsThanTheKeywords() {
    assertThat(intent("por favor parem de me enviar essas mensagens")).isEqualTo("opt_out");
    assertThat(intent("pede pra alguém da loja me ligar")).isEqualTo("human");
  }

  @Test
  void lowConfidenceIsOtherWithAClarifyingQuestion() {
    IntentClassifier.Classification c = classifier.classify("hmm zzz qwerty");
    if (c.confidence() < IntentClassifier.MIN_CONFIDENCE) {
      assertThat(c.intent()).isEqualTo("other");
      assertThat(c.clarify()).isTrue();
    } else {
      assertThat(c.clarify()).isFalse();
    }
    assertThat(classifier.classify("").intent()).isEqualTo("other");
  }

  @Test
  void trainingIsDeterministic() {
    IntentClassifier again = IntentClassifier.builtIn();
    for (String text : List.of("quero marcar", "cadê meu pedido", "veio quebrado", "xyz")) {
      assertThat(again.classify(text)).isEqualTo(classifier.classify(text));
    }
  }

  @Test
  void tenantPhrasesAddAnIntent() {
    IntentClassifier tenant = IntentClassifier.withTenantExamples(Map.of("warranty", List.of("tem garantia?",
        "qual a garantia", "quanto tempo de garantia", "a garantia cobre?", "garantia do conserto")));
    assertThat(tenant.intents()).contains("warranty");
    assertThat(tenant.classify("o conserto tem garantia?").intent()).isEqualTo("warranty");
  }
}
