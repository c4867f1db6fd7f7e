package dev.switchboard.engine.ai.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import java.util.List;

/**
 * The one extraction contract: ask for a candidate, validate it against the schema, and if it fails ask once more
 * carrying the validation errors; still invalid (or unreadable) means REQUIRES_REVIEW with the errors kept.
 */
public final class ExtractionFlow {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ExtractionFlow() {
  }

  public static Future<Extraction> run(Extractor extractor, SchemaCheck schema, String text) {
    return attempt(extractor, schema, text, null, null, 1);
  }

  private static Future<Extraction> attempt(Extractor extractor, SchemaCheck schema, String text, String previous,
                                            List<String> previousErrors, int attempt) {
    return extractor.candidate(text, schema.source(), previous, previousErrors).compose(candidate -> {
      List<String> errors = check(schema, candidate);
      if (errors.isEmpty()) {
        return Future.succeededFuture(new Extraction(Extraction.Status.VALID, candidate, List.of(), extractor.name(),
            attempt));
      }
      if (attempt == 1 && extractor.canRetry()) {
        return attempt(extractor, schema, text, candidate, errors, 2);
      }
      return Future.succeededFuture(new Extraction(Extraction.Status.REQUIRES_REVIEW, candidate, errors,
          extractor.name(), attempt));
    });
  }

  private static List<String> check(SchemaCheck schema, String candidate) {
    JsonNode data;
    try {
      data = MAPPER.readTree(candidate);
    } catch (Exception e) {
      return List.of("the answer is not JSON");
    }
    return data == null || !data.isObject() ? List.of("the answer is not a JSON object") : schema.errors(data);
  }
}
