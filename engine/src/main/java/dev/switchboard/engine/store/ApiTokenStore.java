package dev.switchboard.engine.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/** Tenant API tokens (hashes only). Revocation keeps the row, so the audit of who had access stays. */
public interface ApiTokenStore {

  Future<Void> add(ApiToken token);

  /** The token with this id, revoked or not, or a succeeded future holding null. */
  Future<ApiToken> find(String id);

  /** A tenant's tokens, newest first. */
  Future<List<ApiToken>> list(String tenantId);

  /** Revokes the tenant's token; false when there is none (or it was revoked already). */
  Future<Boolean> revoke(String tenantId, String id, Instant at);
}
