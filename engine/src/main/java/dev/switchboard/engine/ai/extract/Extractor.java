package dev.switchboard.engine.ai.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.util.List;

/** Produces a candidate object for a tenant's extraction schema from a customer's text. */
public interface Extractor {

  /**
   * A candidate as JSON text. On the re-prompt, {@code previous} is the rejected candidate and {@code errors} the
   * validation errors it had; both are null on the first call.
   */
  Future<String> candidate(String text, JsonNode schema, String previous, List<String> errors);

  /** Whether asking again with the errors can help (an LLM: yes; deterministic rules: no). */
  boolean canRetry();

  String name();
}
