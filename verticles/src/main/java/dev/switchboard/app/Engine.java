package dev.switchboard.app;

import dev.switchboard.ai.AiVerticle;
import dev.switchboard.app.config.SwitchboardConfig;
import dev.switchboard.app.config.TenantDirectory;
import dev.switchboard.edge.EdgeVerticle;
import dev.switchboard.normalize.EventRouter;
import dev.switchboard.normalize.NormalizerVerticle;
import dev.switchboard.outbound.OutboundVerticle;
import dev.switchboard.outbound.SandboxLog;
import dev.switchboard.scheduler.SchedulerVerticle;
import dev.switchboard.session.ConversationTurns;
import dev.switchboard.session.SessionVerticle;
import dev.switchboard.metrics.SwitchboardMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Deploys the six verticles on a Vert.x instance whose bus codec is registered. The edge goes last, so the
 * engine takes traffic only once everything behind it is listening.
 */
public final class Engine {
  private final SwitchboardConfig config;
  private final Stores stores;
  private final SandboxLog sandbox;

  private Engine(SwitchboardConfig config, Stores stores, SandboxLog sandbox) {
    this.config = config;
    this.stores = stores;
    this.sandbox = sandbox;
  }

  public static Future<Engine> start(Vertx vertx, SwitchboardConfig config, Clock clock,
                                     PrometheusMeterRegistry registry) {
    SwitchboardMetrics metrics = new SwitchboardMetrics(registry,
        config.tenants().stream().map(t -> t.id()).collect(Collectors.toSet()));
    return Stores.create(vertx, config.storage(), metrics).compose(stores -> deploy(vertx, config, clock, stores,
        metrics));
  }

  private static Future<Engine> deploy(Vertx vertx, SwitchboardConfig config, Clock clock, Stores stores,
                                       SwitchboardMetrics metrics) {
    TenantDirectory directory = new TenantDirectory(config);
    SandboxLog sandbox = new SandboxLog(config.outbound().sandboxKeep());
    Engine engine = new Engine(config, stores, sandbox);
    ConversationTurns turns = new ConversationTurns(vertx.eventBus(), stores, directory, config.session(), clock,
        metrics);
    AtomicInteger shard = new AtomicInteger();
    return TenantRegistry.seed(stores.tenants(), config.tenants(), clock)
        .compose(v -> vertx.deployVerticle(() -> new AiVerticle(directory, metrics), new DeploymentOptions()))
        .compose(id -> vertx.deployVerticle(
            () -> new OutboundVerticle(config.outbound(), directory, stores, sandbox, clock, metrics), new DeploymentOptions()))
        .compose(id -> vertx.deployVerticle(
            () -> new SessionVerticle(shard.getAndIncrement(), config.session(), turns, metrics),
            new DeploymentOptions().setInstances(config.session().shards())))
        .compose(id -> vertx.deployVerticle(() -> new NormalizerVerticle(config, stores),
            new DeploymentOptions().setInstances(config.http().instances())))
        .compose(id -> vertx.deployVerticle(() -> new SchedulerVerticle(config, directory, stores, clock, metrics),
            new DeploymentOptions()))
        .compose(id -> new Recovery(vertx, stores, new EventRouter(vertx.eventBus(), stores.inbox(),
            config.session().shards()), clock).run())
        .compose(id -> vertx.deployVerticle(() -> new EdgeVerticle(config, directory, stores, sandbox, clock, metrics),
            new DeploymentOptions().setInstances(config.http().instances())))
        .map(engine);
  }

  public SwitchboardConfig config() {
    return config;
  }

  public Stores stores() {
    return stores;
  }

  public SandboxLog sandbox() {
    return sandbox;
  }
}
