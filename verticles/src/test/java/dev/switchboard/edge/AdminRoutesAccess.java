package dev.switchboard.edge;

import dev.switchboard.automation.IntegrationActions;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.engine.store.memory.MemoryIntegrationStore;
import dev.switchboard.engine.store.memory.MemoryMailboxStore;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.TenantDirectory;
import java.time.Clock;
import dev.switchboard.outbound.SandboxLog;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import dev.switchboard.edge.auth.AdminAuth;
import dev.switchboard.edge.auth.OperatorToken;
import dev.switchboard.outbound.Outbox;
import dev.switchboard.session.BookingSync;
import dev.switchboard.session.LocalSessionGateway;
import dev.switchboard.tenant.ConfigReloader;
import dev.switchboard.privacy.ContactPrivacy;
import java.util.List;
import dev.switchboard.edge.auth.Operators;
import dev.switchboard.engine.store.memory.MemoryOperatorStore;

/** Lets tests mount the admin routes on a router of their own to compare them with the OpenAPI document. */
public final class AdminRoutesAccess {
  private AdminRoutesAccess() {
  }

  public static void mount(Router router, Vertx vertx, Stores stores) {
    var config = ConfigLoader.parse("adminToken: x", k -> null);
    var directory = new TenantDirectory(config);
    var reloader = new ConfigReloader(vertx, () -> config, directory, stores, Clock.systemUTC(), "test", null);
    new AdminRoutes(vertx, stores, new SandboxLog(10),
        new AdminAuth(List.of(new OperatorToken("token"))),
        new LocalSessionGateway(vertx.eventBus(), 1),
        reloader)
        .mount(router);
    new ActionRoutes(vertx, stores, directory, Clock.systemUTC(),
        new Outbox(vertx.eventBus(), stores.outbox(), stores.audit(), Clock.systemUTC()),
        new LocalSessionGateway(vertx.eventBus(), 1))
        .mount(router);
    new AiRoutes(vertx, directory, stores.knowledge()).mount(router);
    new ScheduleRoutes(vertx, directory, stores, Clock.systemUTC()).mount(router);
    new TokenRoutes(directory, stores.apiTokens(), Clock.systemUTC()).mount(router);
    new TenantRoutes(stores.tenantConfigs(), reloader, Clock.systemUTC()).mount(router);
    new ContactRoutes(new ContactPrivacy(stores, new SandboxLog(10), directory, Clock.systemUTC())).mount(router);
    new IntegrationRoutes(directory, new IntegrationActions(new MemoryIntegrationStore(), new MemoryMailboxStore(),
        directory, new Outbox(vertx.eventBus(), stores.outbox(), stores.audit(), Clock.systemUTC()),
        Clock.systemUTC())).mount(router);
    Operators operators = new Operators(vertx, new MemoryOperatorStore(), stores.rateLimiter(), Clock.systemUTC());
    OperatorRoutes operatorRoutes = new OperatorRoutes(operators, directory, Clock.systemUTC());
    operatorRoutes.mountLogin(router);
    operatorRoutes.mount(router);
    new ConsoleEvents(vertx, operators, ConsoleEvents.HEARTBEAT_MS).mount(router);
    new TodayRoutes(directory, stores.reports(), Clock.systemUTC()).mount(router);
    new BookingRoutes(directory, new BookingSync(stores.bookings(), new LocalSessionGateway(vertx.eventBus(), 1),
        Clock.systemUTC())).mountAdmin(router);
  }
}
