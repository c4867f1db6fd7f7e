package dev.switchboard.engine.ai.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Accuracy, per-intent precision and recall, and a confusion matrix (rows: expected, columns: predicted). */
final class IntentEvaluation {
  final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
  final List<String> errors = new ArrayList<>();
  int total;
  int correct;

  void add(String expected, String predicted, String text) {
    confusion.computeIfAbsent(expected, k -> new TreeMap<>()).merge(predicted, 1, Integer::sum);
    total++;
    if (expected.equals(predicted)) {
      correct++;
    } else {
      errors.add(expected + " → " + predicted + ": " + text);
    }
  }

  double accuracy() {
    return total == 0 ? 0 : (double) correct / total;
  }

  /** A Markdown report: accuracy, then precision and recall per intent, then the confusion matrix. */
  String markdown() {
    TreeSet<String> labels = new TreeSet<>(confusion.keySet());
    confusion.values().forEach(row -> labels.addAll(row.keySet()));
    StringBuilder out = new StringBuilder();
    out.append(String.format("accuracy: %d/%d = %.1f%%%n%n", correct, total, 100 * accuracy()));
    out.append("| intent | precision | recall | support |\n|---|---|---|---|\n");
    for (String label : labels) {
      int tp = cell(label, label);
      int predicted = labels.stream().mapToInt(e -> cell(e, label)).sum();
      int support = confusion.getOrDefault(label, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
      out.append(String.format("| %s | %s | %s | %d |%n", label, ratio(tp, predicted), ratio(tp, support), support));
    }
    out.append("\n| expected \\ predicted | ").append(String.join(" | ", labels)).append(" |\n|---|");
    labels.forEach(l -> out.append("---|"));
    out.append('\n');
    for (String expected : labels) {
      out.append("| ").append(expected).append(" | ");
      for (String predicted : labels) {
        int n = cell(expected, predicted);
        out.append(n == 0 ? "·" : Integer.toString(n)).append(" | ");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private int cell(String expected, String predicted) {
    return confusion.getOrDefault(expected, Map.of()).getOrDefault(predicted, 0);
  }

  private static String ratio(int a, int b) {
    return b == 0 ? "–" : String.format("%.0f%%", 100.0 * a / b);
  }
}
