package dev.switchboard.edge;

import dev.switchboard.engine.store.Stores;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.TenantDirectory;
import java.time.Clock;
import dev.switchboard.outbound.SandboxLog;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** Lets tests mount the admin routes on a router of their own to compare them with the OpenAPI document. */
public final class AdminRoutesAccess {
  private AdminRoutesAccess() {
  }

  public static void mount(Router router, Vertx vertx, Stores stores) {
    var config = ConfigLoader.parse("adminToken: x", k -> null);
    var directory = new TenantDirectory(config);
    new AdminRoutes(vertx, stores, new SandboxLog(10),
        new dev.switchboard.edge.auth.AdminAuth(java.util.List.of(new dev.switchboard.edge.auth.OperatorToken("token"))),
        new dev.switchboard.session.LocalSessionGateway(vertx.eventBus(), 1),
        new dev.switchboard.tenant.ConfigReloader(vertx, () -> config, directory, stores, Clock.systemUTC(), "test"))
        .mount(router);
    new ActionRoutes(vertx, stores, directory, Clock.systemUTC()).mount(router);
  }
}
