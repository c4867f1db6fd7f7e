package dev.switchboard.engine.ai.rules;

import dev.switchboard.engine.text.Phrases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic keyword intents for Portuguese (Brazil) and English: accent- and case-insensitive, whole words,
 * tolerant of stretched words ("oiii", "obrigadaa") and of one typo in words of five letters or more ("brigado",
 * "obrigadão"). Each intent scores its matches (a phrase of several words counts double: "quanto custa" says more
 * than "visita"); the best score wins and a tie goes to the priority order — a person, cancel, schedule, pricing,
 * thanks, greeting — so "cancelar a visita" is a cancellation. Tenants add phrases or whole intents.
 */
public final class IntentClassifier {
  public static final String OTHER = "other";
  private static final Map<String, List<String>> BUILT_IN = new LinkedHashMap<>();

  static {
    BUILT_IN.put("human", List.of("atendente", "humano", "falar com uma pessoa", "falar com alguem",
        "pessoa de verdade", "responsavel", "alguem da equipe", "agent", "human", "representative", "real person"));
    BUILT_IN.put("cancel", List.of("cancelar", "cancela", "cancelamento", "desmarcar", "desmarca", "cancel"));
    BUILT_IN.put("schedule", List.of("agendar", "agendamento", "reagendar", "marcar", "marca", "horario", "horarios",
        "visita", "disponibilidade", "disponivel", "vaga", "quando voces podem", "quando podem vir", "podem vir",
        "podem passar", "um tecnico", "essa semana", "semana que vem", "hoje", "amanha", "segunda", "terca", "quarta",
        "quinta", "sexta", "sabado", "domingo", "schedule", "appointment", "book", "booking"));
    BUILT_IN.put("pricing", List.of("preco", "precos", "valor", "valores", "quanto custa", "quanto fica", "quanto e",
        "quanto ta", "quanto sai", "quanto custaria", "qnto custa", "qto custa", "cobram", "orcamento", "tabela",
        "price", "pricing", "cost", "how much", "quote"));
    BUILT_IN.put("thanks", List.of("obrigado", "obrigada", "valeu", "vlw", "obg", "agradeco", "thanks", "thank you"));
    BUILT_IN.put("greeting", List.of("oi", "oie", "ola", "opa", "salve", "bom dia", "boa tarde", "boa noite", "e ai",
        "hello", "hi", "hey", "good morning", "good afternoon", "good evening"));
  }

  private final Map<String, List<String>> intents = new LinkedHashMap<>();

  public IntentClassifier(Map<String, List<String>> tenantKeywords) {
    BUILT_IN.forEach((intent, phrases) -> intents.put(intent, new ArrayList<>(phrases)));
    if (tenantKeywords != null) {
      tenantKeywords.forEach((intent, phrases) ->
          intents.computeIfAbsent(intent, k -> new ArrayList<>()).addAll(phrases));
    }
  }

  /** The intents this classifier knows, in priority order, plus {@link #OTHER}. */
  public List<String> intents() {
    List<String> all = new ArrayList<>(intents.keySet());
    all.add(OTHER);
    return all;
  }

  public String classify(String text) {
    String[] tokens = Phrases.tokens(text);
    String best = OTHER;
    int bestScore = 0;
    for (Map.Entry<String, List<String>> intent : intents.entrySet()) {
      int score = Phrases.score(tokens, intent.getValue());
      if (score > bestScore) {
        best = intent.getKey();
        bestScore = score;
      }
    }
    return best;
  }
}
