package dev.switchboard.edge;

import java.nio.charset.StandardCharsets;
import dev.switchboard.tenant.ConfigReloader;
import dev.switchboard.automation.IntegrationActions;
import dev.switchboard.engine.health.DependencyCheck;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.edge.auth.AdminAuth;
import dev.switchboard.edge.auth.OperatorToken;
import dev.switchboard.edge.auth.TenantApiTokens;
import dev.switchboard.edge.auth.OperatorSessions;
import dev.switchboard.edge.auth.Operators;
import dev.switchboard.session.BookingSync;
import dev.switchboard.session.SessionGateway;
import java.util.List;
import dev.switchboard.config.HttpConfig;
import dev.switchboard.outbound.Outbox;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.outbound.SandboxLog;
import dev.switchboard.privacy.ContactPrivacy;
import dev.switchboard.metrics.SwitchboardMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.time.Clock;
import java.util.Locale;

/** The HTTP edge: webhooks, web chat, admin API, health, readiness, metrics, and the demo page. */
public final class EdgeVerticle extends VerticleBase {

  /**
   * The edge's own settings: HTTP, the operator token, and the bound readiness reports unprocessed events against
   * ({@code inboxLimit}).
   */
  public record Config(HttpConfig http, String adminToken, long inboxLimit) {
  }

  /** What the edge's routes call: the services and stores they read or act through, and the extra readiness checks. */
  public record Ports(TenantDirectory directory, Stores stores, Outbox outbox, SandboxLog sandbox,
                      SessionGateway sessions, ConfigReloader reloader, List<DependencyCheck> extraChecks,
                      SwitchboardMetrics metrics, Clock clock, IntegrationActions automations,
                      Operators operators) {
  }

  private final Config config;
  private final Ports ports;
  private HttpServer server;
  private ConsoleEvents events;

  public EdgeVerticle(Config config, Ports ports) {
    this.config = config;
    this.ports = ports;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    TenantDirectory directory = ports.directory();
    SwitchboardMetrics metrics = ports.metrics();
    router.get("/metrics").handler(PrometheusScrapingHandler.create((PrometheusMeterRegistry) metrics.registry()));
    Readiness readiness = new Readiness(ports.stores(), config.inboxLimit(), ports.extraChecks());
    router.get("/ready").handler(ctx -> readiness.check().onComplete(ar -> {
      JsonObject body = ar.succeeded() ? ar.result() : new JsonObject().put("status", "DOWN");
      ctx.response().setStatusCode("DOWN".equals(body.getString("status")) ? 503 : 200);
      ctx.json(body);
    }));
    new WebhookRoutes(vertx, directory, config.http(), ports.clock(), metrics).mount(router);
    new WebchatSocket(vertx, directory, ports.stores(), ports.clock(), config.http().ingestTimeoutMs(),
        config.adminToken().getBytes(StandardCharsets.UTF_8)).mount(router);
    // Every kind of admin credential is recognised here, once; routes only ask the resolved Caller.
    AdminAuth auth = new AdminAuth(List.of(new OperatorToken(config.adminToken()),
        new TenantApiTokens(ports.stores().apiTokens()), new OperatorSessions(ports.operators())));
    OperatorRoutes operatorRoutes = new OperatorRoutes(ports.operators(), directory, ports.clock());
    operatorRoutes.mountLogin(router);
    new AdminRoutes(vertx, ports.stores(), ports.sandbox(), auth, ports.sessions(), ports.reloader()).mount(router);
    new ActionRoutes(vertx, ports.stores(), directory, ports.clock(), ports.outbox(), ports.sessions()).mount(router);
    new AiRoutes(vertx, directory, ports.stores().knowledge()).mount(router);
    new ScheduleRoutes(vertx, directory, ports.stores(), ports.clock()).mount(router);
    new TokenRoutes(directory, ports.stores().apiTokens(), ports.clock()).mount(router);
    new TenantRoutes(ports.stores().tenantConfigs(), ports.reloader(), ports.clock()).mount(router);
    new ContactRoutes(new ContactPrivacy(ports.stores(), ports.sandbox(), directory, ports.clock())).mount(router);
    new IntegrationRoutes(directory, ports.automations()).mount(router);
    operatorRoutes.mount(router);
    new TodayRoutes(directory, ports.stores().reports(), ports.clock()).mount(router);
    events = new ConsoleEvents(vertx, ports.operators(), ConsoleEvents.HEARTBEAT_MS);
    events.mount(router);
    // The operator console: static files from the jar; everything it does is an admin API call.
    // Relative asset paths need the trailing slash (Vert.x matches /console and /console/ alike).
    router.get("/console").handler(ctx -> {
      if (ctx.request().path().endsWith("/")) {
        ctx.next();
      } else {
        ctx.redirect("/console/");
      }
    });
    router.route("/console/*").handler(ctx -> {
      // Only its own scripts, styles and API: an injected script or a framing page gets nowhere.
      ctx.response().putHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; "
          + "base-uri 'none'; form-action 'self'").putHeader("X-Content-Type-Options", "nosniff")
          .putHeader("Referrer-Policy", "no-referrer");
      ctx.next();
    }).handler(StaticHandler.create("console").setCachingEnabled(false));
    BookingRoutes bookings = new BookingRoutes(directory, new BookingSync(ports.stores().bookings(), ports.sessions(),
        ports.clock()));
    bookings.mountWebhook(router);
    bookings.mountAdmin(router);
    router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    router.route().failureHandler(ctx -> {
      int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      switch (status) {
        case 413 -> {
          var binding = ctx.pathParam("channelId") == null ? null : directory.channel(ctx.pathParam("channelId"))
              .orElse(null);
          metrics.webhook(binding == null ? null : binding.tenant().id(), binding == null ? SwitchboardMetrics.UNKNOWN
              : binding.channel().type().name().toLowerCase(Locale.ROOT), "too_large", 1);
          ErrorReply.send(ctx, 413, "payload_too_large", "body exceeds " + config.http().bodyLimitBytes() + " bytes");
        }
        case 404 -> ErrorReply.send(ctx, 404, "not_found", "no such resource");
        case 405 -> ErrorReply.send(ctx, 405, "method_not_allowed", "method not allowed here");
        case 400 -> ErrorReply.send(ctx, 400, "bad_request", "the request could not be read");
        default -> ErrorReply.failure(ctx, ctx.failure());
      }
    });
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.http().host())
        .setPort(config.http().port())
        .setMaxWebSocketFrameSize(64 * 1024);
    return events.listen().compose(v -> vertx.createHttpServer(options).requestHandler(router).listen())
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    Future<Void> feed = events == null ? Future.succeededFuture() : events.close();
    return feed.compose(v -> server == null ? Future.succeededFuture() : server.close());
  }
}
