package dev.switchboard.engine.ai.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import java.math.BigDecimal;

/**
 * Rules extraction against a labelled set (dates relative to Friday 2026-11-20): precision and recall per field,
 * printed and written to target/extraction-quality.txt (docs/ai.md quotes it).
 */
class BrazilianEntitiesTest {
  private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

  @Test
  void precisionAndRecallOnTheLabelledSet() throws IOException {
    Map<String, int[]> perField = new TreeMap<>(); // true positives, false positives, false negatives
    StringBuilder misses = new StringBuilder();
    int rows = 0;
    for (String line : Files.readAllLines(Path.of("src/test/resources/ai/extraction-pt-br.tsv"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      rows++;
      String[] parts = line.split("\t", -1);
      Map<String, String> expected = new HashMap<>();
      for (String pair : parts[1].split(";")) {
        if (!pair.isBlank()) {
          expected.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
      }
      ObjectNode got = BrazilianEntities.extract(parts[0], FRIDAY);
      for (String field : new String[] {"date", "period", "time", "phone", "email", "cpf", "cnpj", "amount", "cep"}) {
        int[] c = perField.computeIfAbsent(field, k -> new int[3]);
        String want = expected.get(field);
        String have = got.has(field) ? got.get(field).asText() : null;
        if (have != null && field.equals("amount")) {
          have = new BigDecimal(have).setScale(2).toPlainString();
        }
        if (want != null && want.equals(have)) {
          c[0]++;
        } else {
          if (have != null) {
            c[1]++;
          }
          if (want != null) {
            c[2]++;
          }
          if (have != null || want != null) {
            misses.append(String.format("  %s: want %s got %s in \"%s\"%n", field, want, have, parts[0]));
          }
        }
      }
    }
    int tp = 0;
    int fp = 0;
    int fn = 0;
    StringBuilder report = new StringBuilder();
    for (var e : perField.entrySet()) {
      int[] c = e.getValue();
      tp += c[0];
      fp += c[1];
      fn += c[2];
      report.append(String.format("  %-7s precision %s recall %s%n", e.getKey(), ratio(c[0], c[0] + c[1]),
          ratio(c[0], c[0] + c[2])));
    }
    double precision = (double) tp / (tp + fp);
    double recall = (double) tp / (tp + fn);
    String head = String.format("rules extraction on %d messages: precision %.1f%%, recall %.1f%%%n", rows,
        precision * 100, recall * 100);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/extraction-quality.txt"), head + report + misses);
    System.out.print(head + report + misses);
    assertThat(precision).isGreaterThanOrEqualTo(0.9);
    assertThat(recall).isGreaterThanOrEqualTo(0.9);
  }

  private static String ratio(int a, int b) {
    return b == 0 ? "n/a" : String.format("%d/%d", a, b);
  }

  @Test
  void invalidDocumentsAreNotExtracted() {
    assertThat(BrazilianEntities.extract("cpf 529.982.247-24", FRIDAY).has("cpf")).isFalse();
    assertThat(BrazilianEntities.extract("cnpj 11.222.333/0001-80", FRIDAY).has("cnpj")).isFalse();
  }
}
