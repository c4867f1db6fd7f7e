package dev.switchboard.tenant;

import dev.switchboard.config.TenantConfig;
import dev.switchboard.engine.store.TenantRecord;
import dev.switchboard.engine.store.TenantStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Writes the configured tenants into the shared registry at start-up, so every node (and the admin API) sees the
 * same tenants, channels and integrations. Secrets are left out: they stay in configuration and the environment.
 */
public final class TenantRegistry {
  private TenantRegistry() {
  }

  public static Future<Void> seed(TenantStore store, Collection<TenantConfig> tenants, Clock clock) {
    Future<Void> all = Future.succeededFuture();
    for (TenantConfig tenant : tenants) {
      all = all.compose(v -> store.upsert(record(tenant, clock)));
    }
    return all;
  }

  static TenantRecord record(TenantConfig tenant, Clock clock) {
    List<TenantRecord.Endpoint> endpoints = new ArrayList<>();
    tenant.channels().forEach(c -> endpoints.add(new TenantRecord.Endpoint(c.id(), "channel",
        c.type().name().toLowerCase(Locale.ROOT), c.sender().wire())));
    tenant.integrations().forEach(i -> endpoints.add(new TenantRecord.Endpoint(i.id(), "integration",
        i.type().wire(), i.type().wire())));
    return new TenantRecord(tenant.id(), tenant.aiProvider().wire(), tenant.idleTimeoutSeconds(), endpoints, clock.instant());
  }
}
