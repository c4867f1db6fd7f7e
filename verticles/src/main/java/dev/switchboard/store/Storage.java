package dev.switchboard.store;

import dev.switchboard.config.StorageConfig;
import dev.switchboard.engine.store.memory.MemoryAuditStore;
import dev.switchboard.engine.store.memory.MemoryBookingStore;
import dev.switchboard.engine.store.memory.MemoryContactData;
import dev.switchboard.engine.store.memory.MemoryConversationStore;
import dev.switchboard.engine.store.memory.MemoryInboxStore;
import dev.switchboard.engine.store.memory.MemoryIntegrationStore;
import dev.switchboard.engine.store.memory.MemoryKnowledgeStore;
import dev.switchboard.engine.store.memory.MemoryOutboxStore;
import dev.switchboard.engine.store.memory.MemoryRateLimiter;
import dev.switchboard.engine.store.memory.MemoryApiTokenStore;
import dev.switchboard.engine.store.memory.MemoryTenantConfigStore;
import dev.switchboard.engine.store.memory.MemoryReportStore;
import dev.switchboard.engine.store.memory.MemoryScheduleStore;
import dev.switchboard.engine.store.memory.MemoryTenantScheduleStore;
import dev.switchboard.engine.store.memory.MemoryTenantStore;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.metrics.SwitchboardMetrics;
import dev.switchboard.store.pg.PgStores;
import dev.switchboard.store.redis.RedisStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** Builds the store ports for the configured storage mode, once per process. */
public final class Storage {
  /** Executions each schedule keeps in its memory log. */
  private static final int RUNS_KEPT = 200;
  private Storage() {
  }

  public static Future<Stores> open(Vertx vertx, StorageConfig config, SwitchboardMetrics metrics) {
    return switch (config.mode()) {
      case MEMORY -> Future.succeededFuture(memory(config));
      case POSTGRES -> PgStores.create(vertx, config.postgres()).map(durable -> config.redis().url() == null
          ? durable : RedisStores.wrap(vertx, durable, config.redis(), metrics));
    };
  }

  public static Stores memory(StorageConfig config) {
    MemoryInboxStore inbox = new MemoryInboxStore(config.inboxKeep());
    MemoryOutboxStore outbox = new MemoryOutboxStore();
    MemoryAuditStore audit = new MemoryAuditStore();
    MemoryConversationStore conversations =
        new MemoryConversationStore(inbox, outbox, audit, config.messagesPerConversation());
    MemoryBookingStore bookings = new MemoryBookingStore();
    return new Stores(inbox, conversations, outbox, audit, new MemoryScheduleStore(),
        new MemoryTenantScheduleStore(RUNS_KEPT), new MemoryReportStore(conversations, audit, outbox),
        new MemoryTenantStore(), new MemoryTenantConfigStore(), new MemoryApiTokenStore(),
        new MemoryKnowledgeStore(),
        new MemoryRateLimiter(), List.of(), Future::succeededFuture,
        new MemoryContactData(conversations, inbox, outbox, audit, new MemoryIntegrationStore(),
            List.of(bookings)), bookings);
  }
}
