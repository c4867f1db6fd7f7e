package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.store.TenantRecord;
import dev.switchboard.engine.store.TenantStore;
import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

public final class MemoryTenantStore implements TenantStore {
  private final ConcurrentHashMap<String, TenantRecord> tenants = new ConcurrentHashMap<>();

  @Override
  public Future<Void> upsert(TenantRecord tenant) {
    tenants.put(tenant.id(), tenant);
    return Future.succeededFuture();
  }

  @Override
  public Future<TenantRecord> get(String id) {
    return Future.succeededFuture(tenants.get(id));
  }

  @Override
  public Future<List<TenantRecord>> list() {
    return Future.succeededFuture(tenants.values().stream().sorted(Comparator.comparing(TenantRecord::id)).toList());
  }

  @Override
  public Future<Boolean> delete(String id) {
    return Future.succeededFuture(tenants.remove(id) != null);
  }
}
