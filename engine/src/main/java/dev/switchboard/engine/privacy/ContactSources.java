package dev.switchboard.engine.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Runs a list of participants one after the other and merges what they answer, in list order. */
public final class ContactSources {
  private ContactSources() {
  }

  public static <S> Future<JsonObject> exportAll(List<S> sources, Function<S, Future<JsonObject>> export) {
    JsonObject all = new JsonObject();
    Future<Void> chain = Future.succeededFuture();
    for (S source : sources) {
      chain = chain.compose(v -> export.apply(source)).map(part -> {
        part.forEach(e -> all.put(e.getKey(), e.getValue()));
        return null;
      });
    }
    return chain.map(all);
  }

  public static <S> Future<Map<String, Integer>> eraseAll(List<S> sources,
                                                          Function<S, Future<Map<String, Integer>>> erase) {
    Map<String, Integer> all = new LinkedHashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (S source : sources) {
      chain = chain.compose(v -> erase.apply(source)).map(part -> {
        part.forEach((k, n) -> all.merge(k, n, Integer::sum));
        return null;
      });
    }
    return chain.map(all);
  }
}
