package dev.switchboard.engine.store;

import dev.switchboard.engine.ai.knowledge.KnowledgeEntry;
import io.vertx.core.Future;
import java.util.List;

/** Knowledge entries managed through the admin API, per tenant (entries written in configuration are not here). */
public interface KnowledgeStore {

  /** The tenant's entries, by id. */
  Future<List<KnowledgeEntry>> list(String tenantId);

  /** Creates or replaces an entry. */
  Future<Void> put(String tenantId, KnowledgeEntry entry);

  /** Whether an entry was there to delete. */
  Future<Boolean> delete(String tenantId, String id);
}
