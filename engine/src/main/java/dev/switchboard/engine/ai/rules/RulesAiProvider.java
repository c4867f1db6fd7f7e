package dev.switchboard.engine.ai.rules;

import dev.switchboard.engine.ai.AiProvider;
import dev.switchboard.engine.bus.AiReply;
import dev.switchboard.engine.bus.AiRequest;
import io.vertx.core.Future;
import java.util.Map;

/**
 * The offline provider: keyword intent, then the tenant's template for it. Deterministic, so tests and demos need
 * no network; an intent without a template answers with the {@code other} template.
 */
public final class RulesAiProvider implements AiProvider {
  private final IntentClassifier classifier;
  private final Map<String, String> templates;

  public RulesAiProvider(IntentClassifier classifier, Map<String, String> templates) {
    this.classifier = classifier;
    this.templates = Map.copyOf(templates);
  }

  @Override
  public String name() {
    return "rules";
  }

  @Override
  public Future<AiReply> reply(AiRequest request) {
    String intent = classifier.classify(request.text());
    String text = templates.getOrDefault(intent, templates.getOrDefault(IntentClassifier.OTHER, ""));
    return Future.succeededFuture(new AiReply(intent, text, name(), false));
  }
}
