package dev.switchboard.engine.ai.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ai.intent.IntentClassifier;
import dev.switchboard.engine.ai.knowledge.KnowledgeEntry;
import dev.switchboard.engine.ai.knowledge.KnowledgeIndex;
import dev.switchboard.engine.bus.AiReply;
import dev.switchboard.engine.bus.AiRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RulesAiProviderTest {
  private static IntentClassifier classifier;
  private static final Map<String, String> TEMPLATES = Map.of("greeting", "Olá!", "pricing", "Tabela de preços: ...",
      "other", "Não entendi.", "clarify", "Pode explicar melhor o que precisa?", "warranty", "Garantia de 90 dias.");
  private final KnowledgeIndex knowledge = KnowledgeIndex.of(List.of(
      new KnowledgeEntry("hours", "Horário", "Abrimos de segunda a sábado, das 9h às 19h.")));

  @BeforeAll
  static void train() {
    classifier = IntentClassifier.withTenantExamples(Map.of("warranty", List.of("tem garantia?",
        "qual a garantia do serviço", "quanto tempo de garantia", "a garantia cobre isso?", "garantia vale quanto tempo")));
  }

  private AiReply reply(String text) {
    return new RulesAiProvider(() -> classifier, TEMPLATES, () -> knowledge)
        .reply(new AiRequest("t", "t:c:#1", text, List.of())).result();
  }

  @Test
  void anIntentGetsItsTemplate() {
    assertThat(reply("bom dia").text()).isEqualTo("Olá!");
    assertThat(reply("quanto custa a limpeza?").intent()).isEqualTo("pricing");
  }

  @Test
  void aQuestionTheKnowledgeCoversIsAnsweredFromIt() {
    AiReply hours = reply("qual o horário de vocês?");
    assertThat(hours.text()).isEqualTo("Abrimos de segunda a sábado, das 9h às 19h.");
  }

  @Test
  void aTenantIntentLearnedFromExamplePhrases() {
    AiReply warranty = reply("essa peça tem garantia de quanto tempo?");
    assertThat(warranty.intent()).isEqualTo("warranty");
    assertThat(warranty.text()).isEqualTo("Garantia de 90 dias.");
  }

  @Test
  void anUncertainMessageAsksToClarify() {
    IntentClassifier.Classification c = classifier.classify("xpto zzz qwerty");
    AiReply unclear = reply("xpto zzz qwerty");
    assertThat(unclear.intent()).isEqualTo("other");
    assertThat(unclear.text()).isEqualTo(c.clarify() ? "Pode explicar melhor o que precisa?" : "Não entendi.");
  }
}
