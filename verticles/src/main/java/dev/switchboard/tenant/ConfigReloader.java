package dev.switchboard.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ScheduleConfig;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.ConfigReload;
import dev.switchboard.engine.store.StoredTenant;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.engine.store.TenantRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the tenant directory from the configuration file and the tenants provisioned through the admin API, and
 * rebuilds it without a restart (templates, rotated secrets and tokens, tenants created, changed or disabled). The
 * node asked by the admin API rebuilds first, so a bad file is refused with its reason before anything changes;
 * then it broadcasts, and every other node of the cluster rebuilds from its own copy of the file and the shared
 * store. A provisioned tenant whose id the file also defines is left out (the file wins).
 */
public final class ConfigReloader {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Vertx vertx;
  private final Supplier<SwitchboardConfig> source;
  private final TenantDirectory directory;
  private final Stores stores;
  private final Clock clock;
  private final String nodeId;
  private final SecretBox secrets;
  /** What the directory was last built from: the file's settings with every tenant served. */
  private volatile SwitchboardConfig current;
  private volatile Set<String> fileIds = Set.of();

  public ConfigReloader(Vertx vertx, Supplier<SwitchboardConfig> source, TenantDirectory directory, Stores stores,
                 Clock clock, String nodeId, SecretBox secrets) {
    this.vertx = vertx;
    this.source = source;
    this.directory = directory;
    this.stores = stores;
    this.clock = clock;
    this.nodeId = nodeId;
    this.secrets = secrets;
  }

  public Future<Void> listen() {
    return vertx.eventBus().<ConfigReload>consumer(Addresses.CONFIG_RELOAD, m -> {
      if (!nodeId.equals(m.body().origin())) {
        reloadHere().onFailure(e -> LOG.error("configuration reload refused on this node: {}", e.getMessage()));
      }
    }).completion();
  }

  /** The box that seals provisioned tenants' secrets; null when no {@code secretsKey} is configured. */
  public SecretBox secrets() {
    return secrets;
  }

  /** Reloads on this node, then tells the others; the number of tenants now served. */
  public Future<Integer> reloadEverywhere() {
    return reloadHere().onSuccess(n -> vertx.eventBus().publish(Addresses.CONFIG_RELOAD, new ConfigReload(nodeId)));
  }

  /** Builds this node's directory from the file's settings already loaded (start-up) and the store. */
  public Future<Integer> apply(SwitchboardConfig file) {
    return apply(file, "tenant directory built");
  }

  private Future<Integer> apply(SwitchboardConfig file, String event) {
    return stores.tenantConfigs().list().compose(stored -> {
      SwitchboardConfig served = merge(file, stored);
      directory.replace(served);
      current = served;
      return TenantRegistry.seed(stores.tenants(), served.tenants(), clock)
          .compose(v -> forgetGone(served))
          .map(v -> {
            LOG.info("{} tenants={} provisioned={}", event, served.tenants().size(),
                served.tenants().size() - file.tenants().size());
            return served.tenants().size();
          });
    });
  }

  /**
   * Checks a tenant as it would be served, against every other tenant (ids of channels and integrations unique
   * across all); returns it, or throws {@link IllegalArgumentException} with the reason.
   */
  public TenantConfig check(JsonNode tenantJson) {
    TenantConfig tenant = ConfigLoader.tenant(tenantJson);
    for (ScheduleConfig c : tenant.schedules()) {
      ScheduleDefinitions.fromConfig(tenant, c, clock.instant());
    }
    SwitchboardConfig now = current;
    List<TenantConfig> all = new ArrayList<>(now.tenants().stream().filter(t -> !t.id().equals(tenant.id())).toList());
    all.add(tenant);
    now.withTenants(all);
    return tenant;
  }

  /** Whether the configuration file defines this tenant (such tenants change only in the file). */
  public boolean inFile(String tenantId) {
    return fileIds.contains(tenantId);
  }

  private Future<Integer> reloadHere() {
    // Reading and parsing the file is blocking I/O: a worker thread, never the event loop.
    return vertx.executeBlocking(source::get, false).compose(file -> apply(file, "configuration reloaded"));
  }

  private SwitchboardConfig merge(SwitchboardConfig file, List<StoredTenant> stored) {
    Set<String> inFile = file.tenants().stream().map(TenantConfig::id).collect(Collectors.toSet());
    fileIds = inFile;
    List<TenantConfig> all = new ArrayList<>(file.tenants());
    for (StoredTenant t : stored) {
      if (t.disabled()) {
        continue;
      }
      if (inFile.contains(t.id())) {
        LOG.warn("provisioned tenant {} ignored: the configuration file defines it", t.id());
        continue;
      }
      try {
        JsonNode json = JSON.readTree(t.json());
        all.add(ConfigLoader.tenant(secrets == null ? json : TenantSecrets.open(json, secrets, t.id())));
      } catch (Exception e) {
        LOG.error("provisioned tenant {} not served: {}", t.id(), e.getMessage());
      }
    }
    try {
      return file.withTenants(all);
    } catch (IllegalArgumentException e) {
      // A provisioned tenant clashing with a channel id the file now uses: serve the file's tenants, say why.
      LOG.error("provisioned tenants not served: {}", e.getMessage());
      return file;
    }
  }

  /** Registry records of tenants no longer served (deleted or disabled) are removed. */
  private Future<Void> forgetGone(SwitchboardConfig served) {
    Set<String> ids = served.tenants().stream().map(TenantConfig::id).collect(Collectors.toSet());
    return stores.tenants().list().compose(records -> {
      Future<Void> all = Future.succeededFuture();
      for (TenantRecord r : records) {
        if (!ids.contains(r.id())) {
          all = all.compose(v -> stores.tenants().delete(r.id()).mapEmpty());
        }
      }
      return all;
    });
  }
}
