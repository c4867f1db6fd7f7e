package dev.switchboard.engine.ai.guard;

import dev.switchboard.engine.text.TextNormalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Arrays;

/**
 * Checks a generated reply before a customer sees it: not empty, not longer than the cap, no piece of the system
 * prompt (any 8 consecutive words of it), and no document number such as a CPF (the bot must never echo one).
 */
public final class OutputGuard {
  private static final Pattern CPF = Pattern.compile("(?<!\\d)(\\d{3})\\.?(\\d{3})\\.?(\\d{3})-?(\\d{2})(?!\\d)");
  private static final int LEAK_WORDS = 8;

  private OutputGuard() {
  }

  /** Null when the reply may go out, else why not. */
  public static String violation(String reply, String systemPrompt, int maxChars) {
    if (reply == null || reply.isBlank()) {
      return "empty";
    }
    if (reply.length() > maxChars) {
      return "too-long";
    }
    if (leaks(reply, systemPrompt)) {
      return "prompt-leak";
    }
    Matcher cpf = CPF.matcher(reply);
    while (cpf.find()) {
      if (Documents.validCpf(cpf.group(1) + cpf.group(2) + cpf.group(3) + cpf.group(4))) {
        return "document-echo";
      }
    }
    return null;
  }

  private static boolean leaks(String reply, String systemPrompt) {
    if (systemPrompt == null) {
      return false;
    }
    String[] words = TextNormalizer.fold(systemPrompt).split(" ");
    String folded = " " + TextNormalizer.fold(reply) + " ";
    for (int i = 0; i + LEAK_WORDS <= words.length; i++) {
      String window = " " + String.join(" ", Arrays.copyOfRange(words, i, i + LEAK_WORDS)) + " ";
      if (folded.contains(window)) {
        return true;
      }
    }
    return false;
  }
}
