package dev.switchboard.engine.ai.intent;

import dev.switchboard.engine.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The offline intent classifier: a {@link LinearIntentModel} over the shipped corpus (and a tenant's example
 * phrases), with three rules the model alone gets wrong.
 * <ul>
 *   <li>Dominant intent: a message of several sentences is read whole and sentence by sentence; a confident
 *   sentence that asks for something outranks small talk and lower-priority requests
 *   (opt-out, a person, cancel, complaint, schedule, status, pricing, a tenant's intents, other), so
 *   "oi, boa tarde! quanto custa?" is pricing and "péssimo, quero falar com o gerente" a hand-off.</li>
 *   <li>Negation: "não é pra desmarcar, só mudar o horário" is not a cancellation; the next intent wins.</li>
 *   <li>Confidence: below {@link #MIN_CONFIDENCE} the answer is {@code other} with {@code clarify} set, so the
 *   bot asks what the customer means instead of guessing.</li>
 * </ul>
 */
public final class IntentClassifier {
  public static final String OTHER = "other";
  public static final List<String> BUILT_IN = List.of("greeting", "thanks", "schedule", "cancel", "pricing", "status",
      "complaint", "human", "opt_out", OTHER);
  static final double MIN_CONFIDENCE = 0.3;
  static final double SEGMENT_CONFIDENCE = 0.8;
  private static final int MIN_SEGMENT_WORDS = 3;
  private static final List<String> PRIORITY = List.of("opt_out", "human", "cancel", "complaint", "schedule", "status",
      "pricing");
  private static final List<String> SMALL_TALK = List.of("greeting", "thanks");
  private static final Pattern SEGMENTS = Pattern.compile("[.!?;\\n]+|,\\s");
  private static final Pattern NEGATED_CANCEL = Pattern.compile(
      "\\b(nao|nem)( \\w+){0,2} (cancel\\w*|desmarc\\w*|desist\\w*)");

  /** The intent, the model's probability for it, and whether the bot should ask what the customer means. */
  public record Classification(String intent, double confidence, boolean clarify) {
  }

  private final LinearIntentModel model;

  private IntentClassifier(LinearIntentModel model) {
    this.model = model;
  }

  public static IntentClassifier builtIn() {
    return train(IntentCorpus.builtIn(), LinearIntentModel.Settings.DEFAULT);
  }

  /** The shipped corpus plus a tenant's phrases per intent (a new intent, or more words for a built-in one). */
  public static IntentClassifier withTenantExamples(Map<String, List<String>> examples) {
    return examples.isEmpty() ? builtIn()
        : train(IntentCorpus.with(examples), LinearIntentModel.Settings.DEFAULT);
  }

  public static IntentClassifier train(List<LinearIntentModel.Example> examples, LinearIntentModel.Settings settings) {
    return new IntentClassifier(LinearIntentModel.train(examples, settings));
  }

  public List<String> intents() {
    return model.labels();
  }

  public Classification classify(String text) {
    if (text == null || text.isBlank()) {
      return new Classification(OTHER, 1.0, false);
    }
    double[] whole = model.predict(text);
    int best = argmax(whole, -1);
    String intent = model.labels().get(best);
    double confidence = whole[best];
    List<String> segments = segments(text);
    if (segments.size() > 1) {
      List<Classification> candidates = new ArrayList<>();
      if (!SMALL_TALK.contains(intent)) {
        candidates.add(new Classification(intent, confidence, false));
      }
      for (String segment : segments) {
        if (TextFeatures.words(segment).size() < MIN_SEGMENT_WORDS) {
          continue; // "ok", "fechou": too short to outrank the message as a whole
        }
        double[] p = model.predict(segment);
        int b = argmax(p, -1);
        String label = model.labels().get(b);
        if (!SMALL_TALK.contains(label) && p[b] >= SEGMENT_CONFIDENCE) {
          candidates.add(new Classification(label, p[b], false));
        }
      }
      Classification dominant = candidates.stream().min((a, c) -> Integer.compare(rank(a.intent()), rank(c.intent())))
          .orElse(null);
      if (dominant != null && !dominant.intent().equals(intent)) {
        intent = dominant.intent();
        confidence = dominant.confidence();
      }
    }
    if (intent.equals("cancel") && NEGATED_CANCEL.matcher(TextNormalizer.fold(text)).find()) {
      int next = argmax(whole, model.labels().indexOf("cancel"));
      intent = model.labels().get(next);
      confidence = whole[next];
    }
    if (confidence < MIN_CONFIDENCE) {
      return new Classification(OTHER, confidence, true);
    }
    return new Classification(intent, confidence, false);
  }

  /** Lower is more urgent; a tenant's own intents come after the built-in requests, {@code other} last. */
  private static int rank(String intent) {
    int i = PRIORITY.indexOf(intent);
    return i >= 0 ? i : OTHER.equals(intent) ? PRIORITY.size() + 1 : PRIORITY.size();
  }

  static List<String> segments(String text) {
    List<String> out = new ArrayList<>();
    for (String s : SEGMENTS.split(text)) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  private static int argmax(double[] p, int skip) {
    int best = -1;
    for (int i = 0; i < p.length; i++) {
      if (i != skip && (best < 0 || p[i] > p[best])) {
        best = i;
      }
    }
    return best;
  }
}
