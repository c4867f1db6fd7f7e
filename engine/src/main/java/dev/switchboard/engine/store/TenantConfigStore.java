package dev.switchboard.engine.store;

import io.vertx.core.Future;
import java.util.List;

/** Tenants provisioned through the admin API (the YAML file's tenants are not here). */
public interface TenantConfigStore {

  /** Creates or replaces; false when {@code onlyIfAbsent} and it exists. */
  Future<Boolean> put(StoredTenant tenant, boolean onlyIfAbsent);

  /** The tenant, or a succeeded future holding null. */
  Future<StoredTenant> get(String id);

  Future<List<StoredTenant>> list();

  Future<Boolean> delete(String id);
}
