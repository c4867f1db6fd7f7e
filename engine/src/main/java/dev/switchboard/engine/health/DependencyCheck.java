package dev.switchboard.engine.health;

import io.vertx.core.Future;
import java.util.function.Supplier;
import io.vertx.core.json.JsonObject;

/**
 * A dependency readiness probes. {@code required}: whether the engine can work without it (PostgreSQL: no;
 * Redis: yes, slower — so Redis being down shows in /ready but does not take every node out of rotation at once).
 */
public record DependencyCheck(String name, boolean required, Supplier<Future<Void>> probe,
                              Supplier<JsonObject> details) {
  public DependencyCheck(String name, boolean required, Supplier<Future<Void>> probe) {
    this(name, required, probe, null);
  }
}
