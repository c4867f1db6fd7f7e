package dev.switchboard.engine.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds text for keyword matching: lower case, no accents, punctuation as spaces, single spaces. */
public final class TextNormalizer {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private TextNormalizer() {
  }

  public static String fold(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    String plain = MARKS.matcher(decomposed).replaceAll("");
    return NON_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }
}
