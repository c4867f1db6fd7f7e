package dev.switchboard.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which AI provider answers a tenant's turns: the offline {@code rules} one or an OpenAI-compatible endpoint. */
public enum AiProviderKind {
  RULES, OPENAI;

  @JsonCreator
  public static AiProviderKind of(String value) {
    return Selector.parse(AiProviderKind.class, value, "aiProvider");
  }

  /** As written in configuration, metrics and the admin API. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
