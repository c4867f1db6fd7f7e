package dev.switchboard.engine.text;

import java.util.Collection;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whole-word phrase matching on folded text: "oi" matches "oi, tudo bem" but not "noite" or "boi". For keyword
 * scoring, words are also de-stretched ("oiii" → "oi") and single words of five letters or more forgive one typo.
 */
public final class Phrases {
  private static final Pattern STRETCH = Pattern.compile("(\\p{L})\\1+$");
  /** Phrases come from code and tenant config, a bounded set: fold each once. */
  private static final int FOLDED_CACHE_MAX = 10_000;
  private static final ConcurrentHashMap<String, String> FOLDED =
      new ConcurrentHashMap<>();

  private Phrases() {
  }

  /** True when any phrase (folded) occurs as whole words in the folded text. */
  public static boolean containsAny(String foldedText, Collection<String> phrases) {
    String padded = " " + foldedText + " ";
    for (String phrase : phrases) {
      String p = folded(phrase);
      if (!p.isEmpty() && padded.contains(" " + p + " ")) {
        return true;
      }
    }
    return false;
  }

  private static String folded(String phrase) {
    String cached = FOLDED.get(phrase);
    if (cached != null) {
      return cached;
    }
    String f = TextNormalizer.fold(phrase);
    if (FOLDED.size() < FOLDED_CACHE_MAX) {
      FOLDED.put(phrase, f);
    }
    return f;
  }

  /** Folded, de-stretched words of a text. */
  public static String[] tokens(String text) {
    String folded = TextNormalizer.fold(text);
    if (folded.isEmpty()) {
      return new String[0];
    }
    String[] words = folded.split(" ");
    for (int i = 0; i < words.length; i++) {
      words[i] = STRETCH.matcher(words[i]).replaceAll("$1");
    }
    return words;
  }

  /** Matches of the phrases in the tokens: a multi-word phrase counts 2, a word 1. */
  public static int score(String[] tokens, Collection<String> phrases) {
    int score = 0;
    String joined = " " + String.join(" ", tokens) + " ";
    for (String phrase : phrases) {
      String p = folded(phrase);
      if (p.isEmpty()) {
        continue;
      }
      if (p.indexOf(' ') >= 0) {
        score += joined.contains(" " + p + " ") ? 2 : 0;
      } else {
        for (String token : tokens) {
          if (token.equals(p) || (p.length() >= 5 && token.length() >= 5 && withinOneEdit(token, p))) {
            score++;
            break;
          }
        }
      }
    }
    return score;
  }

  /** Levenshtein distance at most 1, without building the matrix. */
  static boolean withinOneEdit(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int i = 0;
    int j = 0;
    boolean edited = false;
    while (i < a.length() && j < b.length()) {
      if (a.charAt(i) == b.charAt(j)) {
        i++;
        j++;
        continue;
      }
      if (edited) {
        return false;
      }
      edited = true;
      if (a.length() > b.length()) {
        i++;
      } else if (a.length() < b.length()) {
        j++;
      } else {
        i++;
        j++;
      }
    }
    return !edited || (i == a.length() && j == b.length());
  }
}
