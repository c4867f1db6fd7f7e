package dev.switchboard.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A business using the engine. {@code templates} maps an intent (or a policy event: handoff, optOut, fallback,
 * injection) to the text sent; {@code keywords} adds tenant phrases to the rules provider's intents;
 * {@code openai} configures the endpoint when {@code aiProvider} is {@code openai}; {@code extractionSchema} is the
 * JSON Schema (written in YAML) that extraction fills, e.g. a service order.
 */
public record TenantConfig(String id, AiProviderKind aiProvider, long idleTimeoutSeconds, Map<String, String> templates,
                           Map<String, List<String>> keywords, List<ChannelConfig> channels,
                           List<IntegrationConfig> integrations, OpenAiConfig openai,
                           Map<String, Object> extractionSchema) {
  public TenantConfig {
    Objects.requireNonNull(id, "tenant id");
    aiProvider = aiProvider == null ? AiProviderKind.RULES : aiProvider;
    idleTimeoutSeconds = idleTimeoutSeconds <= 0 ? 1800 : idleTimeoutSeconds;
    templates = templates == null ? Map.of() : Map.copyOf(templates);
    keywords = keywords == null ? Map.of() : Map.copyOf(keywords);
    channels = channels == null ? List.of() : List.copyOf(channels);
    integrations = integrations == null ? List.of() : List.copyOf(integrations);
    if (aiProvider == AiProviderKind.OPENAI && openai == null) {
      throw new IllegalArgumentException("tenant " + id + ": aiProvider openai needs an openai section");
    }
  }

  public String template(String name) {
    return templates.get(name);
  }
}
