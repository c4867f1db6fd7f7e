package dev.switchboard.engine.conversation;

import dev.switchboard.engine.text.TextNormalizer;
import java.util.regex.Pattern;

/**
 * A customer asking for their personal data to be erased (LGPD art. 18): "apagar meus dados", "quero que apaguem
 * meus dados", "excluam meu cadastro", "pela LGPD, removam minhas informações". A policy like opt-out, checked before
 * any AI whatever the provider: the conversation goes to a person flagged {@link #FLAG}, who runs the erasure.
 */
public final class ErasureRequest {
  /** The conversation flag an operator filters on ({@code GET /admin/v1/conversations?flagged=true}). */
  public static final String FLAG = "data-erasure-requested";
  private static final Pattern REQUEST = Pattern.compile("\\b(apag|exclu|delet|remov|elimin|esquec|anonimiz)\\w*"
      + "(?: \\w+){0,4} (meus dados|meu dado|minhas informacoes|meu cadastro|meus registros|dados pessoais|meus dados "
      + "pessoais|minha conta|meu historico)\\b");
  private static final Pattern NEGATED = Pattern.compile("\\bnao (\\w+ ){0,2}(apag|exclu|delet|remov|elimin)\\w*");

  private ErasureRequest() {
  }

  public static boolean matches(String text) {
    String folded = TextNormalizer.fold(text);
    return REQUEST.matcher(folded).find() && !NEGATED.matcher(folded).find();
  }
}
