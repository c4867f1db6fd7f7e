package dev.switchboard.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.hazelcast.config.Config;
import dev.switchboard.config.ClusterConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.List;

/**
 * Builds the Vert.x instance with Micrometer metrics into a Prometheus registry (Vert.x's own HTTP, event-bus and
 * pool metrics plus Switchboard's) and registers the bus codec, so every entry point gets the same runtime.
 */
public final class VertxFactory {
  private VertxFactory() {
  }

  public static PrometheusMeterRegistry registry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  public static Vertx create(PrometheusMeterRegistry registry) {
    VertxOptions options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
    Vertx vertx = Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry)).build();
    BusSetup.register(vertx);
    return vertx;
  }

  /** A clustered instance: Hazelcast members over TCP-IP only, event bus bound to the cluster host. */
  public static Future<Vertx> createClustered(PrometheusMeterRegistry registry, ClusterConfig cluster,
                                              HazelcastClusterManager manager) {
    VertxOptions options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true))
        .setEventBusOptions(new EventBusOptions().setHost(cluster.host()).setClusterPublicHost(cluster.host()));
    return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry))
        .withClusterManager(manager)
        .buildClustered()
        .onSuccess(BusSetup::register);
  }

  /**
   * Vert.x's own map definitions plus a closed network: the configured members only, no multicast, no cloud
   * metadata probing, no phone-home, bound to one interface.
   */
  public static Config hazelcast(ClusterConfig cluster) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName("switchboard");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // Few partitions: the cluster state is small, and fewer partitions make a node start and leave faster.
    config.setProperty("hazelcast.partition.count", "31");
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    var network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(false).setPublicAddress(cluster.host() + ":" + cluster.port());
    network.getInterfaces().setEnabled(true).setInterfaces(List.of(cluster.host()));
    var join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
    return config;
  }
}
