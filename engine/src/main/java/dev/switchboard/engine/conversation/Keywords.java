package dev.switchboard.engine.conversation;

import dev.switchboard.engine.text.Phrases;
import dev.switchboard.engine.text.TextNormalizer;
import java.util.Set;

/**
 * Policy words the session checks before any AI, whatever the provider: asking for a person, opting out of and
 * back into automated messages. Opt-out and opt-in must be the whole message ("PARAR"), so a sentence that merely
 * contains the word ("o ar parou de gelar, quero parar o barulho") is an ordinary message.
 */
public final class Keywords {
  static final Set<String> HUMAN = Set.of("atendente", "humano", "humana", "falar com uma pessoa",
      "falar com alguem", "falar com um atendente", "pessoa de verdade", "atendimento humano", "agent", "human",
      "real person", "talk to a person", "representative");
  static final Set<String> OPT_OUT = Set.of("parar", "sair", "stop", "cancelar mensagens", "descadastrar",
      "unsubscribe", "nao quero mais mensagens");
  static final Set<String> OPT_IN = Set.of("voltar", "start", "receber", "receber mensagens");

  private Keywords() {
  }

  public static boolean asksForHuman(String text) {
    return Phrases.containsAny(TextNormalizer.fold(text), HUMAN);
  }

  public static boolean isOptOut(String text) {
    return OPT_OUT.contains(TextNormalizer.fold(text));
  }

  public static boolean isOptIn(String text) {
    return OPT_IN.contains(TextNormalizer.fold(text));
  }
}
