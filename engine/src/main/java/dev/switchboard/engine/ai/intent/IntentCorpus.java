package dev.switchboard.engine.ai.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The labelled training messages shipped with the engine ({@code ai/intents-train*.tsv}: intent, kind of business,
 * message; {@code #} starts a comment), plus a tenant's own example phrases.
 */
public final class IntentCorpus {
  static final List<String> FILES = List.of("ai/intents-train.tsv", "ai/intents-train-climatizacao.tsv",
      "ai/intents-train-more.tsv");

  private IntentCorpus() {
  }

  public static List<LinearIntentModel.Example> builtIn() {
    List<LinearIntentModel.Example> all = new ArrayList<>();
    for (String file : FILES) {
      all.addAll(read(file));
    }
    return all;
  }

  /** The built-in corpus with a tenant's phrases added, each under its intent (new or built-in). */
  public static List<LinearIntentModel.Example> with(Map<String, List<String>> tenantExamples) {
    List<LinearIntentModel.Example> all = builtIn();
    tenantExamples.forEach((intent, phrases) -> phrases.forEach(p -> all.add(new LinearIntentModel.Example(intent, p))));
    return all;
  }

  static List<LinearIntentModel.Example> read(String resource) {
    InputStream in = IntentCorpus.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing training corpus " + resource);
    }
    List<LinearIntentModel.Example> out = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        if (cols.length != 3) {
          throw new IllegalStateException(resource + ": expected intent, business, message in: " + line);
        }
        out.add(new LinearIntentModel.Example(cols[0], cols[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
