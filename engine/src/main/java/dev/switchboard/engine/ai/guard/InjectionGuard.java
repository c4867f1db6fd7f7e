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
          + "jailbreak|dan mode|do anything now)\\b"),
      // text that pretends to come from the system or an administrator
      Pattern.compile("\\b(mensagem do sistema|aviso do sistema|nota do sistema|system message|system notice|"
          + "mensagem do administrador|admin message|sou o administrador|sou a administradora|i am the administrator|"
          + "modo administrador|admin mode)\\b"),
      // claims to be the developer, the team behind the bot, or another AI
      Pattern.compile("\\b(sou (o|a|um|uma|seu|sua) (desenvolvedor|desenvolvedora|programador|programadora|criador|"
          + "criadora)|eu (te|que te) (criei|programei|desenvolvi)|i am (your|the) (developer|creator|programmer)|"
          + "im (your|the) (developer|creator)|sou da equipe de (ti|tecnologia|desenvolvimento)|"
          + "sou (o|a) (chatgpt|gpt|openai|claude|gemini|copilot)|sou outra (ia|inteligencia artificial)|"
          + "i am (another|an) ai)\\b"),
      // asking to see the rules or the configuration
      Pattern.compile("\\b(mostre|mostra|revele|revela|diga|diz|liste|lista|conte|quais sao|show|reveal|print|"
          + "tell me|list)\\b.{0,30}\\b(suas regras|suas instrucoes|instrucoes internas|seu prompt|"
          + "o prompt|your rules|your instructions|hidden prompt|the prompt|configuracao do bot|sua configuracao|"
          + "your configuration|regras internas)\\b"));
  private static final List<String> REASONS = List.of("ignore-instructions", "prompt-request", "role-play",
      "impersonation", "impersonation", "rules-request");
  // Chat-template and delimiter tags a customer has no reason to type: <system>, [INST], ### instructions, <|im_start|>.
  private static final Pattern FAKE_TAG = Pattern.compile("(?i)(<\\|?\\s*/?\\s*(system|assistant|im_start|im_end|"
      + "instructions?|admin|developer)\\s*\\|?>|\\[/?\\s*(system|inst|admin|assistant|developer)\\s*]|"
      + "#{2,}\\s*(system|instructions?|admin)\\b|<<\\s*/?sys\\s*>>)");
  // Long runs of base64 or hex: a common way to smuggle instructions past filters.
  private static final Pattern ENCODED = Pattern.compile("[A-Za-z0-9+/=]{120,}|(?:[0-9a-fA-F]{2}){80,}");

  private InjectionGuard() {
  }

  /** The reason the text looks like an injection attempt, or null when it looks like a customer message. */
  public static String reason(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    // Checked on the text as typed: a long message without punctuation is words and spaces, not a blob.
    if (ENCODED.matcher(text).find()) {
      return "encoded-blob";
    }
    if (FAKE_TAG.matcher(text).find()) {
      return "fake-tag";
    }
    String folded = TextNormalizer.fold(text);
    for (int i = 0; i < FOLDED.size(); i++) {
      if (FOLDED.get(i).matcher(folded).find()) {
        return REASONS.get(i);
      }
    }
    return null;
  }
}
