package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.ai.knowledge.KnowledgeEntry;
import dev.switchboard.engine.store.KnowledgeStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Knowledge entries in memory, for the embedded mode and tests. */
public final class MemoryKnowledgeStore implements KnowledgeStore {
  private final Map<String, Map<String, KnowledgeEntry>> byTenant = new ConcurrentHashMap<>();

  @Override
  public Future<List<KnowledgeEntry>> list(String tenantId) {
    Map<String, KnowledgeEntry> entries = byTenant.getOrDefault(tenantId, Map.of());
    synchronized (entries) {
      return Future.succeededFuture(List.copyOf(entries.values()));
    }
  }

  @Override
  public Future<Void> put(String tenantId, KnowledgeEntry entry) {
    Map<String, KnowledgeEntry> entries = byTenant.computeIfAbsent(tenantId, t -> new TreeMap<>());
    synchronized (entries) {
      entries.put(entry.id(), entry);
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Boolean> delete(String tenantId, String id) {
    Map<String, KnowledgeEntry> entries = byTenant.getOrDefault(tenantId, Map.of());
    synchronized (entries) {
      return Future.succeededFuture(!entries.isEmpty() && entries.remove(id) != null);
    }
  }
}
