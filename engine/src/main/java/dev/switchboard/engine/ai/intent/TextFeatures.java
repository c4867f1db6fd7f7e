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
    raw[n++] = bucket("bias".hashCode());
    int negatedUntil = -1;
    int[] negated = new int[words.size()];
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      raw = ensure(raw, n + 4 + 3 * (w.length() + 2));
      raw[n++] = bucket(extend(seed("w:"), w, 0, w.length()));
      if (i <= negatedUntil) {
        raw[n++] = bucket(extend(seed("!"), w, 0, w.length()));
        negated[i] = 1;
      }
      if (NEGATIONS.contains(w)) {
        negatedUntil = i + NEGATION_REACH;
      }
      if (i > 0) {
        String prev = words.get(i - 1);
        raw[n++] = bucket(extend(extend(extend(seed("b:"), prev, 0, prev.length()), "_", 0, 1), w, 0, w.length()));
      }
      // Character n-grams of " word ", hashed as the strings "c" + gram would be, without building them.
      String padded = " " + w + " ";
      for (int size = MIN_GRAM; size <= MAX_GRAM; size++) {
        for (int start = 0; start + size <= padded.length(); start++) {
          raw[n++] = bucket(extend(C_SEED, padded, start, start + size));
        }
      }
    }
    for (String cue : IntentLexicon.features(words, negated)) {
      for (int r = 0; r < LEX_WEIGHT; r++) {
        raw = ensure(raw, n + 1);
        raw[n++] = bucket(cue.hashCode());
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

  private static final int C_SEED = seed("c");

  /** String.hashCode of a prefix (specified by the JLS, so stable across JVMs and nodes). */
  private static int seed(String prefix) {
    return prefix.hashCode();
  }

  /** Continues String.hashCode over {@code s[from, to)}: the hash of the prefix and those characters joined. */
  private static int extend(int h, String s, int from, int to) {
    for (int i = from; i < to; i++) {
      h = 31 * h + s.charAt(i);
    }
    return h;
  }

  /** A feature's bucket: its string hash, mixed so that near strings spread over the buckets. */
  private static int bucket(int stringHash) {
    int h = stringHash * 0x9E3779B9;
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
