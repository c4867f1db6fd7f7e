package dev.switchboard.app;

import dev.switchboard.normalize.Recovery;
import dev.switchboard.booking.Calendars;
import dev.switchboard.scheduler.BookingVerticle;
import io.vertx.ext.web.client.WebClient;


import dev.switchboard.tenant.ConfigReloader;
import dev.switchboard.tenant.SecretBox;
import dev.switchboard.tenant.IntentModels;

import dev.switchboard.engine.health.DependencyCheck;

import dev.switchboard.store.Storage;
import dev.switchboard.engine.store.Stores;

import dev.switchboard.ai.AiVerticle;
import dev.switchboard.automation.Automations;
import dev.switchboard.config.StorageConfig;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.edge.EdgeVerticle;
import dev.switchboard.normalize.EventRouter;
import dev.switchboard.normalize.NormalizerVerticle;
import dev.switchboard.outbound.Outbox;
import dev.switchboard.outbound.OutboundVerticle;
import dev.switchboard.outbound.SandboxLog;
import dev.switchboard.scheduler.SchedulerVerticle;
import dev.switchboard.scheduler.TenantScheduleVerticle;
import dev.switchboard.session.ConversationTurns;
import dev.switchboard.session.SessionVerticle;
import dev.switchboard.metrics.SwitchboardMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.spi.cluster.ClusterManager;
import dev.switchboard.cluster.ClusterStatus;
import dev.switchboard.cluster.SessionLogConsumer;
import dev.switchboard.cluster.SessionLogVerticle;
import dev.switchboard.session.LocalSessionGateway;
import dev.switchboard.session.SessionGateway;
import dev.switchboard.engine.session.TurnBacklog;
import dev.switchboard.session.TurnCompletions;
import java.util.List;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.UUID;
import java.util.function.Supplier;

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
    return start(vertx, config, clock, registry, null, () -> config);
  }

  /**
   * With {@code cluster} (the clustered Vert.x's manager) when {@code config.cluster().enabled()}, and where a
   * configuration reload reads from ({@code reload}, called on a worker thread).
   */
  public static Future<Engine> start(Vertx vertx, SwitchboardConfig config, Clock clock,
                                     PrometheusMeterRegistry registry, ClusterManager cluster,
                                     Supplier<SwitchboardConfig> reload) {
    if (config.cluster().enabled() && cluster == null) {
      return Future.failedFuture(new IllegalStateException("cluster mode needs a clustered Vert.x"));
    }
    SwitchboardMetrics metrics = new SwitchboardMetrics(registry,
        config.tenants().stream().map(t -> t.id()).collect(Collectors.toSet()));
    return Storage.open(vertx, config.storage(), metrics).compose(stores -> deploy(vertx, config, clock, stores,
        metrics, cluster, reload));
  }

  private static Future<Engine> deploy(Vertx vertx, SwitchboardConfig config, Clock clock, Stores stores,
                                       SwitchboardMetrics metrics, ClusterManager cluster,
                                       Supplier<SwitchboardConfig> reload) {
    TenantDirectory directory = new TenantDirectory(config);
    SandboxLog sandbox = new SandboxLog(config.outbound().sandboxKeep());
    Engine engine = new Engine(config, stores, sandbox);
    // Waits for room at most half the edge's ingest timeout, so a full node still answers 503 in time.
    TurnBacklog backlog = new TurnBacklog(vertx, config.session().maxPendingPerConversation(),
        config.session().maxUnanswered(), config.http().ingestTimeoutMs() / 2);
    metrics.gauge("sb_turn_backlog", "Messages acknowledged on this node and not yet answered (bounded by "
        + "session.maxUnanswered; when full, webhooks wait for room)", backlog::size);
    Outbox outbox = new Outbox(vertx.eventBus(), stores.outbox(), stores.audit(), clock);
    Future<IntentModels> models = IntentModels.train(vertx, directory.tenants());
    return models.compose(intents -> deploy(vertx, config, clock, stores, metrics, cluster, reload, directory, sandbox,
        engine, backlog, outbox, intents));
  }

  private static Future<Engine> deploy(Vertx vertx, SwitchboardConfig config, Clock clock, Stores stores,
                                       SwitchboardMetrics metrics, ClusterManager cluster,
                                       Supplier<SwitchboardConfig> reload, TenantDirectory directory,
                                       SandboxLog sandbox, Engine engine, TurnBacklog backlog, Outbox outbox,
                                       IntentModels intents) {
    Calendars calendars = new Calendars(WebClient.create(vertx), directory, stores.bookings(),
        config.outbound().calcomBaseUrl(), config.outbound().requestTimeoutMs());
    ConversationTurns turns = new ConversationTurns(vertx.eventBus(), stores, directory, config.session(), clock,
        metrics, backlog, outbox, intents, calendars);
    TurnCompletions completions = new TurnCompletions();
    LocalSessionGateway shards = new LocalSessionGateway(vertx.eventBus(), config.session().shards());
    AtomicInteger shard = new AtomicInteger();
    boolean clustered = config.cluster().enabled();
    SessionLogVerticle sessionLog = clustered ? new SessionLogVerticle(config.cluster()) : null;
    ClusterStatus status = clustered ? new ClusterStatus(config.cluster().nodeId(), cluster) : null;
    String node = clustered ? config.cluster().nodeId() : UUID.randomUUID().toString();
    // Provisioned tenants' secrets: sealed with secretsKey; memory mode keeps nothing, so a key of its own does.
    SecretBox secrets = SecretBox.fromConfig(config.secretsKey());
    if (secrets == null && config.storage().mode() == StorageConfig.Mode.MEMORY) {
      secrets = SecretBox.ephemeral();
    }
    ConfigReloader reloader = new ConfigReloader(vertx, reload, directory, stores, clock, node, secrets);
    return reloader.apply(config)
        .compose(v -> reloader.listen())
        .compose(v -> clustered ? vertx.deployVerticle(sessionLog) : Future.succeededFuture(""))
        .compose(id -> vertx.deployVerticle(() -> new AiVerticle(directory, metrics, intents, stores.knowledge(), clock),
            new DeploymentOptions()))
        .compose(id -> vertx.deployVerticle(
            () -> new OutboundVerticle(config.outbound(), directory, stores, sandbox, clock, metrics, backlog,
                config.storage().mode() == StorageConfig.Mode.POSTGRES), new DeploymentOptions()))
        .compose(id -> vertx.deployVerticle(
            () -> new SessionVerticle(shard.getAndIncrement(), config.session(), turns, metrics, completions, backlog),
            new DeploymentOptions().setInstances(config.session().shards())))
        .compose(id -> {
          SessionGateway sessions = clustered ? sessionLog.gateway() : shards;
          List<DependencyCheck> clusterChecks = clustered ? status.checks(sessionLog.log()) : List.of();
          return vertx.deployVerticle(() -> new NormalizerVerticle(
                  new NormalizerVerticle.Settings(config.http().maxJsonDepth(), clustered), stores.inbox(), sessions,
                  clustered ? null : backlog),
                  new DeploymentOptions().setInstances(config.http().instances()))
              .compose(x -> vertx.deployVerticle(() -> new SchedulerVerticle(config.scheduler(), directory, stores, clock,
                  metrics, sessions, new EventRouter(vertx.eventBus(), stores.inbox(), sessions),
                  clustered ? key -> false : backlog::holds), new DeploymentOptions()))
              .compose(x -> vertx.deployVerticle(new BookingVerticle(stores.bookings(), stores.outbox(), directory,
                  sessions, clock, config.scheduler().pollMs())))
              .compose(x -> vertx.deployVerticle(TenantScheduleVerticle.create(vertx, config.scheduler(), directory,
                  stores, outbox, sessions, clock, metrics, node)))
              .compose(x -> clustered ? vertx.deployVerticle(
                  new SessionLogConsumer(config.cluster(), shards, completions, status, metrics))
                  : Future.succeededFuture(""))
              .compose(x -> new Recovery(vertx, stores, new EventRouter(vertx.eventBus(), stores.inbox(), sessions),
                  clock, clustered ? config.cluster().recoverAfterMs() : -1).run())
              .compose(x -> Automations.deploy(vertx, config, directory, outbox, stores, clock, node,
                  metrics.registry()))
              .compose(automations -> ConsoleOperators.open(vertx, config, stores, clock,
                      tenant -> directory.tenant(tenant).isPresent())
                  .compose(operators -> vertx.deployVerticle(() -> new EdgeVerticle(edgeConfig(config),
                      new EdgeVerticle.Ports(directory, stores, outbox, sandbox, sessions, reloader, clusterChecks,
                          metrics, clock, automations, operators)),
                      new DeploymentOptions().setInstances(config.http().instances()))));
        })
        .map(engine);
  }

  private static EdgeVerticle.Config edgeConfig(SwitchboardConfig config) {
    return new EdgeVerticle.Config(config.http(), config.adminToken(),
        (long) config.session().maxPendingPerShard() * config.session().shards());
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
