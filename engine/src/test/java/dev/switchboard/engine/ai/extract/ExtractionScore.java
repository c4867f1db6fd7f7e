package dev.switchboard.engine.ai.extract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Scores extraction on a labelled file (message, then name=value;... or "-"): micro precision, recall, F1. */
final class ExtractionScore {
  static final String[] FIELDS = {"date", "period", "time", "phone", "email", "cpf", "cnpj", "amount", "cep"};
  final Map<String, int[]> perField = new TreeMap<>(); // true positives, false positives, false negatives
  final StringBuilder misses = new StringBuilder();
  int rows;

  static ExtractionScore of(Path file, LocalDate today) throws IOException {
    ExtractionScore score = new ExtractionScore();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      score.rows++;
      String[] parts = line.split("\t", -1);
      Map<String, String> expected = new HashMap<>();
      for (String pair : parts[1].split(";")) {
        if (!pair.isBlank() && !pair.equals("-")) {
          expected.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
      }
      score.add(parts[0], expected, BrazilianEntities.extract(parts[0], today));
    }
    return score;
  }

  private void add(String message, Map<String, String> expected, ObjectNode got) {
    for (String field : FIELDS) {
      int[] c = perField.computeIfAbsent(field, k -> new int[3]);
      String want = expected.get(field);
      String have = got.has(field) ? got.get(field).asText() : null;
      if (have != null && field.equals("amount")) {
        have = new BigDecimal(have).setScale(2).toPlainString();
      }
      if (want != null && want.equals(have)) {
        c[0]++;
        continue;
      }
      if (have != null) {
        c[1]++;
      }
      if (want != null) {
        c[2]++;
      }
      if (have != null || want != null) {
        misses.append(String.format("  %s: want %s got %s in \"%s\"%n", field, want, have, message));
      }
    }
  }

  int total(int i) {
    return perField.values().stream().mapToInt(c -> c[i]).sum();
  }

  double precision() {
    return (double) total(0) / (total(0) + total(1));
  }

  double recall() {
    return (double) total(0) / (total(0) + total(2));
  }

  double f1() {
    return 2 * precision() * recall() / (precision() + recall());
  }

  String report() {
    StringBuilder out = new StringBuilder(String.format("%d messages: precision %.1f%%, recall %.1f%%, F1 %.1f%%%n",
        rows, 100 * precision(), 100 * recall(), 100 * f1()));
    perField.forEach((field, c) -> {
      if (c[0] + c[1] + c[2] > 0) {
        out.append(String.format("  %-7s precision %d/%d recall %d/%d%n", field, c[0], c[0] + c[1], c[0], c[0] + c[2]));
      }
    });
    return out.toString();
  }
}
