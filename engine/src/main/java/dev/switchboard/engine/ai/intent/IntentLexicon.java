package dev.switchboard.engine.ai.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Word stems and phrases that signal an intent in Brazilian Portuguese (and a little English). They are not
 * rules: each match becomes one more feature of the linear model ({@code lex:schedule}, or {@code lex!:cancel}
 * after a negation), whose weight training decides. They carry synonyms the corpus has too few examples of.
 * A stem matches the start of a word ("agend" matches "agendar", "agendamento"); a phrase of several words
 * matches whole words in order. Text is folded first (lower case, no accents).
 */
final class IntentLexicon {
  static final Map<String, List<String>> CUES = Map.of(
      "greeting", List.of("oi", "oie", "ola", "bom dia", "boa tarde", "boa noite", "eae", "e ai", "opa", "salve",
          "hello", "hi", "hey", "good morning", "good afternoon", "fala"),
      "thanks", List.of("obrigad", "brigad", "valeu", "vlw", "obg", "agradec", "gratidao", "thank"),
      "schedule", List.of("agend", "marcar", "marca", "remarc", "reagend", "horario", "vaga", "disponib", "encaix",
          "reserv", "book", "appointment", "adiar", "adia", "antecip", "posso levar", "posso passar", "posso ir",
          "mudar", "muda", "trocar o horario", "em vez de"),
      "cancel", List.of("cancel", "desmarc", "desist", "estorno", "devolv", "nao vou mais", "trancar", "arrependi"),
      "pricing", List.of("quanto", "qnto", "qto", "qnt", "preco", "valor", "custa", "custo", "orcamento", "parcel",
          "desconto", "juros", "frete", "taxa", "tabela", "how much", "price", "barato", "cartao", "pix"),
      "status", List.of("cade", "pronto", "pronta", "rastrei", "rastreio", "ja saiu", "ja chegou", "ja caiu",
          "confirmad", "confirmando", "previsao", "andamento", "ainda nao", "where is", "novidade", "enviado",
          "despachad", "ja foi", "terminou", "terminaram", "a caminho", "resultado", "ja recebe", "codigo", "quando chega", "receberam"),
      "complaint", List.of("defeit", "quebr", "rasgad", "errad", "pessim", "horrivel", "absurd", "decepc", "insatisf",
          "reclam", "cobraram", "frio", "fria", "estragad", "vencid", "machuc", "grosso", "mal educad", "descaso",
          "desrespeit", "parou de funcionar", "continua", "pior", "nojent", "nunca mais volto", "manchad", "riscad",
          "faltou", "faltando", "mal feito", "ruim", "unacceptable", "falsific", "esquec", "perderam", "perdeu",
          "vazament", "cobrado a mais", "nao durou"),
      "human", List.of("atendente", "humano", "pessoa", "falar com", "me liga", "me ligar", "ligacao", "telefone",
          "retorn", "gerente", "dono", "responsavel", "supervisor", "alguem", "robo", "bot", "recepcao", "speak to",
          "human", "transfer", "contato com", "coordenac", "chama"),
      "opt_out", List.of("nao quero mais receber", "me tira", "tira meu", "remov", "descadastr", "para de", "pare de",
          "parem de", "nao me mand", "nao mand", "spam", "lista", "stop", "unsubscrib", "nao envi", "propaganda",
          "bloque", "desinscrev", "nao autorizo", "sair", "parar", "pare", "envio de mensag",
          "recebimento de mensag"));

  /** The cues split into words once: intent, cue words, whether the cue itself starts with a negation. */
  private record Cue(String intent, String[] parts, boolean negative) {
  }

  private static final List<Cue> SPLIT = CUES.entrySet().stream().sorted(Map.Entry.comparingByKey())
      .flatMap(e -> e.getValue().stream().map(c -> new Cue(e.getKey(), c.split(" "), c.startsWith("nao "))))
      .toList();
  /**
   * Cues by the first two letters of their first word: a word is checked only against the cues that can match it
   * (this runs for every message; checking all 250 cues against every word was a sixth of the engine's CPU).
   */
  private static final Map<String, List<Cue>> BY_PREFIX = SPLIT.stream()
      .collect(Collectors.groupingBy(c -> prefix(c.parts()[0]), TreeMap::new, Collectors.toList()));

  private IntentLexicon() {
  }

  /** The intents whose cues occur in the words, each with whether the match follows a negation. */
  static List<String> features(List<String> words, int[] negatedUntil) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      for (Cue cue : BY_PREFIX.getOrDefault(prefix(words.get(i)), List.of())) {
        if (i + cue.parts().length <= words.size() && matches(words, i, cue.parts())) {
          out.add((negatedUntil[i] > 0 && !cue.negative() ? "lex!:" : "lex:") + cue.intent());
        }
      }
    }
    return out;
  }

  private static String prefix(String word) {
    return word.length() <= 2 ? word : word.substring(0, 2);
  }

  private static boolean matches(List<String> words, int at, String[] parts) {
    if (parts.length == 1) {
      return words.get(at).startsWith(parts[0]);
    }
    for (int j = 0; j < parts.length; j++) {
      String w = words.get(at + j);
      boolean last = j == parts.length - 1;
      if (last ? !w.startsWith(parts[j]) : !w.equals(parts[j])) {
        return false;
      }
    }
    return true;
  }
}
