package dev.switchboard.app;

import dev.switchboard.app.config.StorageConfig;
import dev.switchboard.engine.store.AuditStore;
import dev.switchboard.engine.store.ConversationStore;
import dev.switchboard.engine.store.InboxStore;
import dev.switchboard.engine.store.OutboxStore;
import dev.switchboard.engine.store.RateLimiter;
import dev.switchboard.engine.store.ScheduleStore;
import dev.switchboard.engine.store.TenantStore;
import dev.switchboard.engine.store.memory.MemoryAuditStore;
import dev.switchboard.engine.store.memory.MemoryConversationStore;
import dev.switchboard.engine.store.memory.MemoryInboxStore;
import dev.switchboard.engine.store.memory.MemoryOutboxStore;
import dev.switchboard.engine.store.memory.MemoryRateLimiter;
import dev.switchboard.engine.store.memory.MemoryScheduleStore;
import dev.switchboard.engine.store.memory.MemoryTenantStore;
import dev.switchboard.metrics.SwitchboardMetrics;
import dev.switchboard.store.pg.PgStores;
import dev.switchboard.store.redis.RedisStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Supplier;

/** The store ports the verticles share, built once per process for the configured storage mode. */
public record Stores(InboxStore inbox, ConversationStore conversations, OutboxStore outbox, AuditStore audit,
                     ScheduleStore schedules, TenantStore tenants, RateLimiter rateLimiter,
                     List<DependencyCheck> checks,
                     Supplier<Future<Void>> closer) {

  public static Future<Stores> create(Vertx vertx, StorageConfig config, SwitchboardMetrics metrics) {
    return switch (config.mode()) {
      case "memory" -> Future.succeededFuture(memory(config));
      case "postgres" -> PgStores.create(vertx, config.postgres()).map(durable -> config.redis().url() == null
          ? durable : RedisStores.wrap(vertx, durable, config.redis(), metrics));
      default -> Future.failedFuture(new IllegalArgumentException(
          "unsupported storage mode: " + config.mode() + " (memory, postgres)"));
    };
  }

  public static Stores memory(StorageConfig config) {
    MemoryInboxStore inbox = new MemoryInboxStore(config.inboxKeep());
    MemoryOutboxStore outbox = new MemoryOutboxStore();
    MemoryAuditStore audit = new MemoryAuditStore();
    MemoryConversationStore conversations =
        new MemoryConversationStore(inbox, outbox, audit, config.messagesPerConversation());
    return new Stores(inbox, conversations, outbox, audit, new MemoryScheduleStore(), new MemoryTenantStore(),
        new MemoryRateLimiter(),
        List.of(), Future::succeededFuture);
  }

  public Future<Void> close() {
    return closer.get();
  }
}
