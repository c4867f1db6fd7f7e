package dev.switchboard.app;

import dev.switchboard.app.config.ConfigLoader;
import dev.switchboard.app.config.SwitchboardConfig;
import io.vertx.core.Vertx;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar switchboard.jar [--config path]}: starts the engine on one node. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    String path = null;
    for (int i = 0; i < args.length; i++) {
      if ("--config".equals(args[i]) && i + 1 < args.length) {
        path = args[++i];
      }
    }
    SwitchboardConfig config = ConfigLoader.load(path, System.getenv());
    PrometheusMeterRegistry registry = VertxFactory.registry();
    Vertx vertx = VertxFactory.create(registry);
    Engine.start(vertx, config, Clock.systemUTC(), registry)
        .onSuccess(engine -> LOG.info("Switchboard ready on http://{}:{} (storage={}, tenants={})",
            config.http().host(), config.http().port(), config.storage().mode(), config.tenants().size()))
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
  }
}
