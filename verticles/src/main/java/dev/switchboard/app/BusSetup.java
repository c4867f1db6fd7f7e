package dev.switchboard.app;

import dev.switchboard.engine.bus.BusCodec;
import dev.switchboard.engine.bus.BusMessage;
import io.vertx.core.Vertx;

/** Registers the one bus codec once per Vert.x instance, before any verticle is deployed. */
public final class BusSetup {
  private BusSetup() {
  }

  public static void register(Vertx vertx) {
    vertx.eventBus()
        .registerCodec(new BusCodec())
        .codecSelector(body -> body instanceof BusMessage ? BusCodec.NAME : null);
  }
}
