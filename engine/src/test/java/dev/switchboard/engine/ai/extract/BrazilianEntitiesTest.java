package dev.switchboard.engine.ai.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Rules extraction on the development set (dates relative to Friday 2026-11-20), with its misses written to
 * target/extraction-dev.txt; plus the cases each rule exists for.
 */
class BrazilianEntitiesTest {
  private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

  @Test
  void precisionAndRecallOnTheDevelopmentSet() throws IOException {
    ExtractionScore score = ExtractionScore.of(Path.of("src/test/resources/ai/extraction-pt-br.tsv"), FRIDAY);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/extraction-dev.txt"), score.report() + score.misses);
    assertThat(score.precision()).as(score.report() + score.misses).isGreaterThanOrEqualTo(0.95);
    assertThat(score.recall()).as(score.report() + score.misses).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void invalidDocumentsAreNotExtracted() {
    assertThat(BrazilianEntities.extract("cpf 529.982.247-24", FRIDAY).has("cpf")).isFalse();
    assertThat(BrazilianEntities.extract("cnpj 11.222.333/0001-80", FRIDAY).has("cnpj")).isFalse();
  }

  @Test
  void pastReferencesResolveToThePast() {
    assertThat(field("deixei aí na segunda passada", "date")).isEqualTo("2026-11-16");
    assertThat(field("na última quarta", "date")).isEqualTo("2026-11-18");
    assertThat(field("ontem", "date")).isEqualTo("2026-11-19");
    assertThat(field("levei na semana retrasada", "date")).isNull();
  }

  @Test
  void aRescheduleYieldsTheNewSlot() {
    assertThat(field("muda de terça pra quinta", "date")).isEqualTo("2026-11-26");
    assertThat(field("em vez de segunda, pode ser quarta?", "date")).isEqualTo("2026-11-25");
  }

  @Test
  void spokenAndInformalTimes() {
    assertThat(field("às cinco e quinze", "time")).isEqualTo("05:15");
    assertThat(field("uma e meia da tarde", "time")).isEqualTo("13:30");
    assertThat(field("lá pelas 10pm", "time")).isEqualTo("22:00");
    assertThat(field("às 3 da tarde", "time")).isEqualTo("15:00");
    assertThat(field("meio-dia", "time")).isEqualTo("12:00");
    assertThat(field("uma pizza e duas cocas", "time")).isNull();
  }

  @Test
  void amountsWithOrWithoutTheCurrency() {
    assertThat(field("paguei 80 no pix", "amount")).isEqualTo("80.00");
    assertThat(field("foram 150 reais", "amount")).isEqualTo("150.00");
    assertThat(field("R$1.599,99 em 10x", "amount")).isEqualTo("1599.99");
    assertThat(field("marca dia 5 às 14h", "amount")).isNull();
  }

  @Test
  void contactFormatsAreNormalised() {
    assertThat(field("cep 04538133", "cep")).isEqualTo("04538-133");
    assertThat(field("+55 31 3456-7890", "phone")).isEqualTo("+553134567890");
    assertThat(field("Ana.Souza@Example.COM", "email")).isEqualTo("ana.souza@example.com");
  }

  @Test
  void greetingsAreNotPartsOfTheDay() {
    assertThat(BrazilianEntities.extract("boa tarde, boa noite", FRIDAY).size()).isZero();
  }

  @Test
  void theSameTextAndDayGiveTheSameResult() {
    ObjectNode first = BrazilianEntities.extract("sexta às 10h, R$ 50", FRIDAY);
    for (int i = 0; i < 20; i++) {
      assertThat(BrazilianEntities.extract("sexta às 10h, R$ 50", FRIDAY)).isEqualTo(first);
    }
  }

  private static String field(String text, String name) {
    ObjectNode got = BrazilianEntities.extract(text, FRIDAY);
    return got.has(name) ? got.get(name).asText() : null;
  }
}
