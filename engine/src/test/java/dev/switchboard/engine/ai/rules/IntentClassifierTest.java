package dev.switchboard.engine.ai.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.bus.AiRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentClassifierTest {
  private final IntentClassifier classifier = new IntentClassifier(Map.of());

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "Olá, bom dia!|greeting",
    "OI|greeting",
    "boa noite|greeting",
    "Hello there|greeting",
    "QUANTO CUSTA a instalação?|pricing",
    "Qual o valor da instalação de um split 9.000 BTUs?|pricing",
    "preciso de um orcamento|pricing",
    "how much is it?|pricing",
    "Quero AGENDAR uma visita técnica|schedule",
    "Vocês têm horário na sexta-feira à tarde?|schedule",
    "can I book an appointment|schedule",
    "quero cancelar a visita de amanhã|cancel",
    "preciso desmarcar|cancel",
    "quero falar com um atendente|human",
    "Obrigada!|thanks",
    "valeu|thanks",
    "thank you so much|thanks",
    "o aparelho está pingando|other",
    "noite|other",
    "comprei um boi|other",
    "''|other"})
  void classifies(String text, String intent) {
    assertThat(classifier.classify(text)).isEqualTo(intent);
  }

  @Test
  void priorityDecidesBetweenSeveralIntents() {
    assertThat(classifier.classify("Oi! Quanto custa?")).isEqualTo("pricing");
    assertThat(classifier.classify("Preciso de um orçamento. Quando vocês podem vir?")).isEqualTo("schedule");
    assertThat(classifier.classify("quero cancelar o agendamento")).isEqualTo("cancel");
    assertThat(classifier.classify("obrigado, mas quero falar com um humano")).isEqualTo("human");
  }

  @Test
  void tenantKeywordsExtendAndAddIntents() {
    var tenant = new IntentClassifier(Map.of("pricing", List.of("tabela"), "warranty", List.of("garantia")));
    assertThat(tenant.classify("me manda a tabela")).isEqualTo("pricing");
    assertThat(tenant.classify("o conserto tem garantia?")).isEqualTo("warranty");
    assertThat(tenant.intents()).endsWith("warranty", "other");
  }

  @Test
  void providerAnswersWithTheIntentsTemplateOrOther() {
    var provider = new RulesAiProvider(classifier, Map.of("greeting", "Olá!", "other", "Não entendi."));
    var greeting = provider.reply(new AiRequest("t", "t:c:#1", "bom dia", List.of())).result();
    assertThat(greeting.intent()).isEqualTo("greeting");
    assertThat(greeting.text()).isEqualTo("Olá!");
    assertThat(greeting.provider()).isEqualTo("rules");
    var pricing = provider.reply(new AiRequest("t", "t:c:#1", "quanto custa?", List.of())).result();
    assertThat(pricing.intent()).isEqualTo("pricing");
    assertThat(pricing.text()).isEqualTo("Não entendi.");
  }
}
