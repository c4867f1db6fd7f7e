package dev.switchboard.engine.text;

import java.text.Normalizer;

/** Folds text for keyword matching: lower case, no accents, punctuation as spaces, single spaces. */
public final class TextNormalizer {

  private TextNormalizer() {
  }

  /**
   * Lower case, accents removed, every run of characters that are not letters or digits one space, trimmed.
   * One pass over the decomposed text (this runs for every message and every keyword check, so no regex).
   */
  public static String fold(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String decomposed = Normalizer.isNormalized(text, Normalizer.Form.NFD) ? text
        : Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean pendingSpace = false;
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK) {
        continue;
      }
      if (Character.isLetterOrDigit(cp)) {
        if (pendingSpace && out.length() > 0) {
          out.append(' ');
        }
        pendingSpace = false;
        out.append(Character.toChars(Character.toLowerCase(cp)));
      } else {
        pendingSpace = true;
      }
    }
    return out.toString();
  }
}
