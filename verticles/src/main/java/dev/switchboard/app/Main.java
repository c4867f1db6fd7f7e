package dev.switchboard.app;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.SwitchboardConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** {@code java -jar switchboard.jar [--config path] [--cluster]}: starts the engine, alone or as a cluster node. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    String path = null;
    boolean cluster = false;
    for (int i = 0; i < args.length; i++) {
      if ("--config".equals(args[i]) && i + 1 < args.length) {
        path = args[++i];
      } else if ("--cluster".equals(args[i])) {
        cluster = true;
      }
    }
    String configPath = path;
    boolean clusterFlag = cluster;
    // Also what POST /admin/v1/config/reload reads again (on a worker thread).
    Supplier<SwitchboardConfig> source = () -> {
      SwitchboardConfig loaded = ConfigLoader.load(configPath, System.getenv());
      return clusterFlag ? loaded.withCluster(loaded.cluster().enable()) : loaded;
    };
    SwitchboardConfig config;
    try {
      config = source.get();
    } catch (IllegalArgumentException | UncheckedIOException e) {
      // An operator's mistake, not a crash: one line saying what is wrong, no stack trace.
      LOG.error("Switchboard cannot start: {}", e.getMessage());
      System.exit(2);
      return;
    }
    PrometheusMeterRegistry registry = VertxFactory.registry();
    HazelcastClusterManager manager = config.cluster().enabled()
        ? new HazelcastClusterManager(VertxFactory.hazelcast(config.cluster())) : null;
    Future<Vertx> runtime = manager != null
        ? VertxFactory.createClustered(registry, config.cluster(), manager)
        : Future.succeededFuture(VertxFactory.create(registry));
    runtime.onFailure(e -> {
      LOG.error("Switchboard could not join its cluster", e);
      System.exit(1);
    }).onSuccess(vertx -> {
      Engine.start(vertx, config, Clock.systemUTC(), registry, manager, source)
          .onSuccess(engine -> LOG.info("Switchboard ready on http://{}:{} (storage={}, tenants={}, cluster={})",
              config.http().host(), config.http().port(), config.storage().mode(), config.tenants().size(),
              config.cluster().enabled() ? config.cluster().nodeId() : "off"))
          .onFailure(e -> {
            LOG.error("Switchboard failed to start", e);
            vertx.close().onComplete(v -> System.exit(1));
          });
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          vertx.close().await();
        } catch (Exception e) {
          LOG.warn("shutdown incomplete", e);
        }
      }, "switchboard-shutdown"));
    });
  }
}
