package dev.switchboard.engine.ai.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.ArrayList;
import java.util.Iterator;

/**
 * The rules provider's extractor: Brazilian entities ({@link BrazilianEntities}) kept where the schema has a property
 * of the same name. Deterministic (the same text, day and zone give the same fields), so there is no point asking
 * twice.
 */
public final class RulesExtractor implements Extractor {
  private final Clock clock;
  private final ZoneId zone;

  /** Relative dates resolve against {@code clock}'s day in {@code zone} (the tenant's). */
  public RulesExtractor(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  @Override
  public Future<String> candidate(String text, JsonNode schema, String previous, List<String> errors) {
    ObjectNode found = BrazilianEntities.extract(text, LocalDate.ofInstant(clock.instant(), zone));
    JsonNode properties = schema.path("properties");
    if (properties.isObject()) {
      found.retain(iterable(properties.fieldNames()));
    }
    return Future.succeededFuture(found.toString());
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  @Override
  public boolean canRetry() {
    return false;
  }

  @Override
  public String name() {
    return "rules";
  }
}
