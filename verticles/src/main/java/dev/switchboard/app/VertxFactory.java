package dev.switchboard.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

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
}
