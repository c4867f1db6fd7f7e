package dev.switchboard.tenant;

import dev.switchboard.engine.store.Stores;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.ConfigReload;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads tenants, channels and integrations (templates, rotated secrets and tokens) without a restart. The node
 * asked by the admin API reloads first, so a bad file is refused with its reason before anything changes; then
 * it broadcasts, and every other node of the cluster reads its own copy of the configuration.
 */
public final class ConfigReloader {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);
  private final Vertx vertx;
  private final Supplier<SwitchboardConfig> source;
  private final TenantDirectory directory;
  private final Stores stores;
  private final Clock clock;
  private final String nodeId;

  public ConfigReloader(Vertx vertx, Supplier<SwitchboardConfig> source, TenantDirectory directory, Stores stores,
                 Clock clock, String nodeId) {
    this.vertx = vertx;
    this.source = source;
    this.directory = directory;
    this.stores = stores;
    this.clock = clock;
    this.nodeId = nodeId;
  }

  public Future<Void> listen() {
    return vertx.eventBus().<ConfigReload>consumer(Addresses.CONFIG_RELOAD, m -> {
      if (!nodeId.equals(m.body().origin())) {
        reloadHere().onFailure(e -> LOG.error("configuration reload refused on this node: {}", e.getMessage()));
      }
    }).completion();
  }

  /** Reloads on this node, then tells the others; the number of tenants now configured. */
  public Future<Integer> reloadEverywhere() {
    return reloadHere().onSuccess(n -> vertx.eventBus().publish(Addresses.CONFIG_RELOAD, new ConfigReload(nodeId)));
  }

  private Future<Integer> reloadHere() {
    // Reading and parsing the file is blocking I/O: a worker thread, never the event loop.
    return vertx.executeBlocking(source::get, false).compose(config -> {
      directory.replace(config);
      return TenantRegistry.seed(stores.tenants(), config.tenants(), clock).map(v -> {
        LOG.info("configuration reloaded tenants={}", config.tenants().size());
        return config.tenants().size();
      });
    });
  }
}
