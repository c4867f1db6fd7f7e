package dev.switchboard.engine.ai.guard;

import dev.switchboard.engine.text.TextNormalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Prompt-injection heuristics on customer text, Portuguese and English, run before any provider sees the text.
 * A match is answered with the tenant's safe template instead: a customer service bot loses nothing by refusing
 * "ignore your instructions", and an attacker gains nothing from a provider that never saw it.
 */
public final class InjectionGuard {
  private static final List<Pattern> FOLDED = List.of(
      // "ignore as instruções anteriores", "esqueça tudo o que te disseram", "ignore previous instructions"
      Pattern.compile("\\b(ignore|ignora|ignorar|esqueca|esquece|desconsidere|desconsidera|disregard|forget)\\b.{0,40}"
          + "\\b(instrucoes|instrucao|regras|orientacoes|tudo|instructions|rules|everything|above|anteriores|previous|prior)\\b"),
      // requests for the system prompt
      Pattern.compile("\\b(system prompt|prompt do sistema|prompt inicial|suas instrucoes|your instructions|"
          + "instrucoes do sistema|initial prompt|mostre seu prompt|repeat the text above|repita o texto acima)\\b"),
      // role-play jailbreaks
      Pattern.compile("\\b(finja que voce e|finja ser|faca de conta que|aja como se|a partir de agora voce e|"
          + "pretend (you are|to be)|act as if|you are now|from now on you are|modo desenvolvedor|developer mode|"
          + "jailbreak|dan mode|do anything now)\\b"));
  // Long runs of base64 or hex: a common way to smuggle instructions past filters.
  private static final Pattern ENCODED = Pattern.compile("[A-Za-z0-9+/=]{120,}|(?:[0-9a-fA-F]{2}){80,}");

  private InjectionGuard() {
  }

  /** The reason the text looks like an injection attempt, or null when it looks like a customer message. */
  public static String reason(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (ENCODED.matcher(text.replaceAll("\\s", "")).find()) {
      return "encoded-blob";
    }
    String folded = TextNormalizer.fold(text);
    for (int i = 0; i < FOLDED.size(); i++) {
      if (FOLDED.get(i).matcher(folded).find()) {
        return i == 0 ? "ignore-instructions" : i == 1 ? "prompt-request" : "role-play";
      }
    }
    return null;
  }
}
