package dev.switchboard.edge;

import dev.switchboard.tenant.ConfigReloader;
import dev.switchboard.engine.health.DependencyCheck;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.edge.auth.AdminAuth;
import dev.switchboard.edge.auth.OperatorToken;
import dev.switchboard.session.SessionGateway;
import java.util.List;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.outbound.SandboxLog;
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

/** The HTTP edge: webhooks, web chat, admin API, health, readiness, metrics, and the demo page. */
public final class EdgeVerticle extends VerticleBase {
  private final SwitchboardConfig config;
  private final TenantDirectory directory;
  private final Stores stores;
  private final SandboxLog sandbox;
  private final Clock clock;
  private final SwitchboardMetrics metrics;
  private final SessionGateway sessions;
  private final List<DependencyCheck> clusterChecks;
  private final ConfigReloader reloader;
  private HttpServer server;

  public EdgeVerticle(SwitchboardConfig config, TenantDirectory directory, Stores stores, SandboxLog sandbox,
                      Clock clock, SwitchboardMetrics metrics, SessionGateway sessions,
                      List<DependencyCheck> clusterChecks, ConfigReloader reloader) {
    this.reloader = reloader;
    this.metrics = metrics;
    this.sessions = sessions;
    this.clusterChecks = clusterChecks;
    this.config = config;
    this.directory = directory;
    this.stores = stores;
    this.sandbox = sandbox;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    router.get("/metrics").handler(PrometheusScrapingHandler.create((PrometheusMeterRegistry) metrics.registry()));
    Readiness readiness = new Readiness(stores, config, clusterChecks);
    router.get("/ready").handler(ctx -> readiness.check().onComplete(ar -> {
      JsonObject body = ar.succeeded() ? ar.result() : new JsonObject().put("status", "DOWN");
      ctx.response().setStatusCode("DOWN".equals(body.getString("status")) ? 503 : 200);
      ctx.json(body);
    }));
    new WebhookRoutes(vertx, directory, config.http(), clock, metrics).mount(router);
    new WebchatSocket(vertx, directory, clock, config.http().ingestTimeoutMs()).mount(router);
    // Every kind of admin credential is recognised here, once; routes only ask the resolved Caller.
    AdminAuth auth = new AdminAuth(List.of(new OperatorToken(config.adminToken())));
    new AdminRoutes(vertx, stores, sandbox, auth, sessions, reloader).mount(router);
    new ActionRoutes(vertx, stores, directory, clock).mount(router);
    router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    router.route().failureHandler(ctx -> {
      int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      switch (status) {
        case 413 -> {
          var binding = ctx.pathParam("channelId") == null ? null : directory.channel(ctx.pathParam("channelId"))
              .orElse(null);
          metrics.webhook(binding == null ? null : binding.tenant().id(), binding == null ? SwitchboardMetrics.UNKNOWN
              : binding.channel().type().name().toLowerCase(java.util.Locale.ROOT), "too_large", 1);
          ErrorReply.send(ctx, 413, "payload_too_large", "body exceeds " + config.http().bodyLimitBytes() + " bytes");
        }
        case 404 -> ErrorReply.send(ctx, 404, "not_found", "no such resource");
        case 405 -> ErrorReply.send(ctx, 405, "method_not_allowed", "method not allowed here");
        case 400 -> ErrorReply.send(ctx, 400, "bad_request", "the request could not be read");
        default -> ErrorReply.send(ctx, status, "internal", "the request failed");
      }
    });
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.http().host())
        .setPort(config.http().port())
        .setMaxWebSocketFrameSize(64 * 1024);
    return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
