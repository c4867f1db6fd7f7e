package dev.switchboard.edge;

import dev.switchboard.app.Stores;
import dev.switchboard.app.config.ConfigLoader;
import dev.switchboard.app.config.TenantDirectory;
import java.time.Clock;
import dev.switchboard.outbound.SandboxLog;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** Lets tests mount the admin routes on a router of their own to compare them with the OpenAPI document. */
public final class AdminRoutesAccess {
  private AdminRoutesAccess() {
  }

  public static void mount(Router router, Vertx vertx, Stores stores) {
    new AdminRoutes(vertx, stores, new SandboxLog(10), "token",
        new dev.switchboard.session.LocalSessionGateway(vertx.eventBus(), 1)).mount(router);
    new ActionRoutes(vertx, stores, new TenantDirectory(ConfigLoader.parse("adminToken: x", k -> null)),
        Clock.systemUTC()).mount(router);
  }
}
