package dev.switchboard.ai;

import dev.switchboard.config.TenantConfig;
import dev.switchboard.engine.ai.knowledge.KnowledgeEntry;
import dev.switchboard.engine.ai.knowledge.KnowledgeIndex;
import dev.switchboard.engine.store.KnowledgeStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each tenant's knowledge index: the entries written in configuration plus those managed through the admin API
 * (an API entry with the same id replaces the configured one). Rebuilt on a worker thread when the entries change
 * or the tenant's configuration is reloaded; until then the previous index answers. A rebuild that finishes after
 * a newer one started is discarded, so indexes never go back in time.
 */
final class TenantKnowledge {
  private static final Logger LOG = LoggerFactory.getLogger(TenantKnowledge.class);
  private final Vertx vertx;
  private final KnowledgeStore store;
  private final Map<String, KnowledgeIndex> indexes = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

  TenantKnowledge(Vertx vertx, KnowledgeStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  KnowledgeIndex index(String tenantId) {
    return indexes.getOrDefault(tenantId, KnowledgeIndex.of(List.of()));
  }

  Future<KnowledgeIndex> rebuild(TenantConfig tenant) {
    long generation = generations.computeIfAbsent(tenant.id(), t -> new AtomicLong()).incrementAndGet();
    return store.list(tenant.id()).compose(stored -> vertx.executeBlocking(() -> {
      List<KnowledgeEntry> all = new ArrayList<>();
      tenant.knowledge().stream().filter(c -> stored.stream().noneMatch(s -> s.id().equals(c.id()))).forEach(all::add);
      all.addAll(stored);
      return KnowledgeIndex.of(all);
    }, false)).onSuccess(index -> {
      if (generations.get(tenant.id()).get() == generation) {
        indexes.put(tenant.id(), index);
        LOG.info("knowledge indexed tenant={} entries={}", tenant.id(), index.size());
      }
    }).onFailure(e -> LOG.warn("knowledge index failed tenant={} cause={}", tenant.id(), e.toString()));
  }
}
