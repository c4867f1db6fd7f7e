package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.store.StoredTenant;
import dev.switchboard.engine.store.TenantConfigStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

public final class MemoryTenantConfigStore implements TenantConfigStore {
  private final ConcurrentSkipListMap<String, StoredTenant> tenants = new ConcurrentSkipListMap<>();

  @Override
  public Future<Boolean> put(StoredTenant tenant, boolean onlyIfAbsent) {
    if (onlyIfAbsent) {
      return Future.succeededFuture(tenants.putIfAbsent(tenant.id(), tenant) == null);
    }
    tenants.put(tenant.id(), tenant);
    return Future.succeededFuture(true);
  }

  @Override
  public Future<StoredTenant> get(String id) {
    return Future.succeededFuture(tenants.get(id));
  }

  @Override
  public Future<List<StoredTenant>> list() {
    return Future.succeededFuture(new ArrayList<>(tenants.values()));
  }

  @Override
  public Future<Boolean> delete(String id) {
    return Future.succeededFuture(tenants.remove(id) != null);
  }
}
