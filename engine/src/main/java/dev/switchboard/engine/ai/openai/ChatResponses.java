package dev.switchboard.engine.ai.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Reads a Chat Completions response against the {@code {intent, reply}} contract. */
public final class ChatResponses {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ChatResponses() {
  }

  /** The outcome of one call. Usage is reported whenever the provider gave it, even for an unusable answer. */
  public sealed interface Outcome {
    long promptTokens();

    long completionTokens();
  }

  public record Answer(String intent, String reply, long promptTokens, long completionTokens) implements Outcome {
  }

  /** The provider answered, but not with the contract (broken JSON, missing fields, unknown intent). */
  public record Invalid(String reason, long promptTokens, long completionTokens) implements Outcome {
  }

  /** The call failed: 429, 5xx, 4xx. */
  public record Failed(String reason, boolean transientFailure) implements Outcome {
    @Override
    public long promptTokens() {
      return 0;
    }

    @Override
    public long completionTokens() {
      return 0;
    }
  }

  /** The message content of a successful call (for extraction: the candidate JSON as text), else null. */
  public static String content(int status, String body) {
    if (status < 200 || status >= 300) {
      return null;
    }
    try {
      return MAPPER.readTree(body).path("choices").path(0).path("message").path("content").asText(null);
    } catch (Exception e) {
      return null;
    }
  }

  public static Outcome parse(int status, String body, List<String> intents) {
    if (status == 429 || status >= 500) {
      return new Failed("openai http " + status, true);
    }
    if (status < 200 || status >= 300) {
      return new Failed("openai http " + status, false);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (Exception e) {
      return new Invalid("response is not JSON", 0, 0);
    }
    long prompt = root.path("usage").path("prompt_tokens").asLong(0);
    long completion = root.path("usage").path("completion_tokens").asLong(0);
    String content = root.path("choices").path(0).path("message").path("content").asText(null);
    if (content == null) {
      return new Invalid("no message content", prompt, completion);
    }
    JsonNode answer;
    try {
      answer = MAPPER.readTree(content);
    } catch (Exception e) {
      return new Invalid("content is not JSON", prompt, completion);
    }
    String intent = answer.path("intent").asText(null);
    String reply = answer.path("reply").asText(null);
    if (intent == null || reply == null || reply.isBlank()) {
      return new Invalid("content misses intent or reply", prompt, completion);
    }
    if (!intents.contains(intent)) {
      return new Invalid("unknown intent", prompt, completion);
    }
    return new Answer(intent, reply, prompt, completion);
  }
}
