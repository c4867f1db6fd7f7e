package dev.switchboard.engine.ai.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeIndexTest {
  private final KnowledgeIndex index = KnowledgeIndex.of(List.of(
      new KnowledgeEntry("hours", "Horário de atendimento", "Atendemos de segunda a sexta, das 8h às 18h, e aos sábados das 8h às 12h."),
      new KnowledgeEntry("address", "Endereço", "Estamos na Rua Augusta, 1500, Consolação, São Paulo. Há estacionamento conveniado."),
      new KnowledgeEntry("warranty", "Garantia", "Todo serviço tem garantia de 90 dias, peças e mão de obra."),
      new KnowledgeEntry("payment", "Formas de pagamento", "Aceitamos Pix, cartão de crédito em até 10x e débito.")));

  @Test
  void questionsFindTheirEntryWhateverTheWordForm() {
    assertThat(index.answer("qual o horário de vocês?")).map(KnowledgeEntry::id).contains("hours");
    assertThat(index.answer("Qual o horario de atendimento no sabado")).map(KnowledgeEntry::id).contains("hours");
    assertThat(index.answer("onde fica o endereço?")).map(KnowledgeEntry::id).contains("address");
    assertThat(index.answer("tem garantia?")).map(KnowledgeEntry::id).contains("warranty");
    assertThat(index.answer("vocês aceitam pix?")).map(KnowledgeEntry::id).contains("payment");
  }

  @Test
  void aQuestionTheBaseDoesNotCoverGetsNoAnswer() {
    assertThat(index.answer("vocês vendem bicicleta elétrica?")).isEmpty();
    assertThat(index.answer("oi, tudo bem?")).isEmpty();
    assertThat(KnowledgeIndex.of(List.of()).answer("qual o horário?")).isEmpty();
  }

  @Test
  void searchRanksTheBestPassagesFirst() {
    List<KnowledgeIndex.Passage> passages = index.search("estacionamento perto do endereço", 3);
    assertThat(passages).isNotEmpty();
    assertThat(passages.get(0).entry().id()).isEqualTo("address");
  }
}
