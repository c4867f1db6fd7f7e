package dev.switchboard.engine.ai.intent;

import dev.switchboard.engine.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Turns a message into a sparse, L2-normalised vector of hashed features: words, word pairs, character 3- to
 * 5-grams inside each word (they carry typos, plurals and verb forms: "agendar", "agendamento", "agenda"), and
 * words after a negation marked as negated ("não é pra desmarcar" gives {@code !desmarcar}). Letters stretched
 * three times or more count once ("oiiii" is "oi", "kkkk" is "k"). {@link IntentLexicon} cues add one feature per
 * intent they signal.
 */
public final class TextFeatures {
  static final int BITS = 17;
  static final int DIMENSION = 1 << BITS;
  private static final Set<String> NEGATIONS = Set.of("nao", "nem", "nunca", "jamais", "not", "dont");
  private static final int NEGATION_REACH = 3;
  private static final int MIN_GRAM = 3;
  private static final int MAX_GRAM = 5;
  /** A lexicon cue counts as three occurrences (1 + ln 3 before normalising): best in cross-validation. */
  private static final int LEX_WEIGHT = 3;

  private TextFeatures() {
  }

  /** A sparse vector: feature indexes (sorted, distinct) and their weights. */
  public record Vector(int[] index, float[] value) {
  }

  public static List<String> words(String text) {
    String folded = squeeze(TextNormalizer.fold(text));
    return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
  }

  public static Vector of(String text) {
    List<String> words = words(text);
    int[] raw = new int[words.size() * 16 + 1];
    int n = 0;
    raw[n++] = hash("bias");
    int negatedUntil = -1;
    int[] negated = new int[words.size()];
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      raw = ensure(raw, n + 16);
      raw[n++] = hash("w:" + w);
      if (i <= negatedUntil) {
        raw[n++] = hash("!" + w);
        negated[i] = 1;
      }
      if (NEGATIONS.contains(w)) {
        negatedUntil = i + NEGATION_REACH;
      }
      if (i > 0) {
        raw[n++] = hash("b:" + words.get(i - 1) + "_" + w);
      }
      String padded = " " + w + " ";
      for (int size = MIN_GRAM; size <= MAX_GRAM; size++) {
        for (int start = 0; start + size <= padded.length(); start++) {
          raw = ensure(raw, n + 1);
          raw[n++] = hash("c" + padded.substring(start, start + size));
        }
      }
    }
    for (String cue : IntentLexicon.features(words, negated)) {
      for (int r = 0; r < LEX_WEIGHT; r++) {
        raw = ensure(raw, n + 1);
        raw[n++] = hash(cue);
      }
    }
    return normalise(Arrays.copyOf(raw, n));
  }

  private static int[] ensure(int[] a, int size) {
    return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, a.length * 2));
  }

  /** Counts per distinct index, dampened (1 + log count), scaled to unit length. */
  private static Vector normalise(int[] raw) {
    Arrays.sort(raw);
    List<int[]> counts = new ArrayList<>();
    for (int i = 0; i < raw.length; ) {
      int j = i;
      while (j < raw.length && raw[j] == raw[i]) {
        j++;
      }
      counts.add(new int[] {raw[i], j - i});
      i = j;
    }
    int[] index = new int[counts.size()];
    float[] value = new float[counts.size()];
    double norm = 0;
    for (int i = 0; i < index.length; i++) {
      index[i] = counts.get(i)[0];
      value[i] = (float) (1 + Math.log(counts.get(i)[1]));
      norm += value[i] * value[i];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < value.length; i++) {
      value[i] *= scale;
    }
    return new Vector(index, value);
  }

  /** A stable hash (String.hashCode is specified), mixed so that near strings spread over the buckets. */
  private static int hash(String feature) {
    int h = feature.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> BITS)) & (DIMENSION - 1);
  }

  /** "oiiii" → "oi", "kkkkk" → "k": a letter repeated three or more times counts once. */
  static String squeeze(String folded) {
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); ) {
      char c = folded.charAt(i);
      int j = i;
      while (j < folded.length() && folded.charAt(j) == c) {
        j++;
      }
      int run = j - i;
      out.append(c);
      if (run == 2) {
        out.append(c);
      }
      i = j;
    }
    return out.toString();
  }
}
