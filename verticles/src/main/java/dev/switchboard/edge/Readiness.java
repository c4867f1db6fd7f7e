package dev.switchboard.edge;

import dev.switchboard.engine.health.DependencyCheck;
import dev.switchboard.engine.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code /ready}: 200 when the engine can take traffic, else 503; the body names every check. Required
 * dependencies (PostgreSQL; in a cluster also the membership and Kafka) and the inbox backlog decide; optional
 * ones (Redis) are reported as DEGRADED.
 */
final class Readiness {
  private static final long PROBE_TIMEOUT_MS = 1000;
  private final Stores stores;
  private final long inboxLimit;
  private final List<DependencyCheck> checks = new ArrayList<>();

  Readiness(Stores stores, long inboxLimit, List<DependencyCheck> clusterChecks) {
    this.stores = stores;
    this.checks.addAll(stores.checks());
    this.checks.addAll(clusterChecks);
    this.inboxLimit = inboxLimit;
  }

  Future<JsonObject> check() {
    JsonObject checks = new JsonObject();
    List<Future<Boolean>> results = new ArrayList<>();
    for (DependencyCheck dep : this.checks) {
      results.add(dep.probe().get().timeout(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
          .map(v -> {
            put(checks, dep.name(), withDetails(dep, new JsonObject().put("status", "UP").put("required", dep.required())));
            return true;
          })
          .otherwise(e -> {
            put(checks, dep.name(), withDetails(dep, new JsonObject().put("status", "DOWN").put("required", dep.required())));
            return !dep.required();
          }));
    }
    results.add(stores.inbox().countUnprocessed().timeout(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(pending -> {
          boolean ok = pending < inboxLimit;
          put(checks, "inbox", new JsonObject().put("status", ok ? "UP" : "DOWN").put("unprocessed", pending)
              .put("limit", inboxLimit));
          return ok;
        })
        .otherwise(e -> {
          put(checks, "inbox", new JsonObject().put("status", "DOWN"));
          return false;
        }));
    return Future.join(results).transform(ar -> {
      synchronized (checks) {
      boolean ready = results.stream().allMatch(f -> f.succeeded() && f.result());
      boolean degraded = checks.stream().anyMatch(e -> "DOWN".equals(((JsonObject) e.getValue()).getString("status")));
      return Future.succeededFuture(new JsonObject()
          .put("status", !ready ? "DOWN" : degraded ? "DEGRADED" : "UP")
          .put("checks", checks));
      }
    });
  }

  private static JsonObject withDetails(DependencyCheck dep, JsonObject status) {
    return dep.details() == null ? status : status.mergeIn(dep.details().get());
  }

  /** Probes may complete on different threads. */
  private static void put(JsonObject checks, String name, JsonObject value) {
    synchronized (checks) {
      checks.put(name, value);
    }
  }
}
