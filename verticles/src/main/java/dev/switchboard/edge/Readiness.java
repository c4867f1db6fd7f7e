package dev.switchboard.edge;

import dev.switchboard.engine.store.InboxEntry;
import java.time.Instant;
import java.time.Duration;
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
 * ones (Redis) are reported as DEGRADED. An inbox whose oldest unprocessed event waits for two minutes is STALLED
 * (DEGRADED), for ten DOWN.
 */
final class Readiness {
  private static final long PROBE_TIMEOUT_MS = 1000;
  /** Oldest unprocessed event this old: DEGRADED (something is not being processed); this old: DOWN. */
  static final long STALLED_AFTER_SECONDS = 120;
  static final long DOWN_AFTER_SECONDS = 600;
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
    results.add(Future.all(stores.inbox().countUnprocessed(), stores.inbox().unprocessed(1))
        .timeout(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(both -> {
          long pending = both.<Long>resultAt(0);
          List<InboxEntry> oldest = both.resultAt(1);
          long ageSeconds = oldest.isEmpty() ? 0
              : Math.max(0, Duration.between(oldest.get(0).receivedAt(), Instant.now()).toSeconds());
          // A stalled inbox first degrades the node (the sweeper should be re-driving it), then takes it out.
          boolean ok = pending < inboxLimit && ageSeconds < DOWN_AFTER_SECONDS;
          String status = !ok ? "DOWN" : ageSeconds >= STALLED_AFTER_SECONDS ? "STALLED" : "UP";
          put(checks, "inbox", new JsonObject().put("status", status).put("unprocessed", pending)
              .put("limit", inboxLimit).put("oldestUnprocessedSeconds", ageSeconds));
          return ok;
        })
        .otherwise(e -> {
          put(checks, "inbox", new JsonObject().put("status", "DOWN"));
          return false;
        }));
    return Future.join(results).transform(ar -> {
      synchronized (checks) {
      boolean ready = results.stream().allMatch(f -> f.succeeded() && f.result());
      boolean degraded = checks.stream().map(e -> ((JsonObject) e.getValue()).getString("status"))
          .anyMatch(status -> "DOWN".equals(status) || "STALLED".equals(status));
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
