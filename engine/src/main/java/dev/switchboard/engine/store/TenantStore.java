package dev.switchboard.engine.store;

import io.vertx.core.Future;
import java.util.List;

/** The tenant registry: which tenants, channels and integrations exist, shared by every node. */
public interface TenantStore {

  /** Creates or replaces the tenant's record. */
  Future<Void> upsert(TenantRecord tenant);

  /** The tenant, or a succeeded future holding null. */
  Future<TenantRecord> get(String id);

  /** Removes the tenant's record; false when there was none. */
  Future<Boolean> delete(String id);

  /** All tenants, by id. */
  Future<List<TenantRecord>> list();
}
