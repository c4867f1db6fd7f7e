package dev.switchboard.engine.ai.rules;

import dev.switchboard.engine.ai.AiProvider;
import dev.switchboard.engine.ai.intent.IntentClassifier;
import dev.switchboard.engine.ai.knowledge.KnowledgeEntry;
import dev.switchboard.engine.ai.knowledge.KnowledgeIndex;
import dev.switchboard.engine.bus.AiReply;
import dev.switchboard.engine.bus.AiRequest;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The offline provider: the tenant's intent classifier, then an answer. A question ({@code other}, or a price)
 * that the tenant's knowledge base covers is answered with that entry; an intent with a template gets the
 * template; an uncertain message gets the {@code clarify} template (asking what the customer means); the rest
 * the {@code other} template. Deterministic, so tests and demos need no network.
 */
public final class RulesAiProvider implements AiProvider {
  private final Supplier<IntentClassifier> classifier;
  private final Map<String, String> templates;
  private final Supplier<KnowledgeIndex> knowledge;

  /** Both suppliers are asked on every turn: a retrained model or a rebuilt index applies from the next message. */
  public RulesAiProvider(Supplier<IntentClassifier> classifier, Map<String, String> templates,
                         Supplier<KnowledgeIndex> knowledge) {
    this.classifier = classifier;
    this.templates = Map.copyOf(templates);
    this.knowledge = knowledge;
  }

  @Override
  public String name() {
    return "rules";
  }

  @Override
  public Future<AiReply> reply(AiRequest request) {
    IntentClassifier.Classification c = request.classified() != null ? request.classified()
        : classifier.get().classify(request.text());
    String intent = c.intent();
    if (intent.equals(IntentClassifier.OTHER) || intent.equals("pricing")) {
      Optional<KnowledgeEntry> answer = knowledge.get().answer(request.text());
      if (answer.isPresent()) {
        return Future.succeededFuture(new AiReply(intent, answer.get().text(), name(), false));
      }
    }
    String other = templates.getOrDefault(IntentClassifier.OTHER, "");
    String text = c.clarify() ? templates.getOrDefault("clarify", other) : templates.getOrDefault(intent, other);
    return Future.succeededFuture(new AiReply(intent, text, name(), false));
  }
}
