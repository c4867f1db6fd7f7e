package dev.switchboard.store;

import dev.switchboard.engine.store.AuditStore;
import dev.switchboard.engine.store.ConversationStore;
import dev.switchboard.engine.store.InboxStore;
import dev.switchboard.engine.store.OutboxStore;
import dev.switchboard.engine.store.RateLimiter;
import dev.switchboard.engine.store.ScheduleStore;
import dev.switchboard.engine.store.TenantStore;
import dev.switchboard.health.DependencyCheck;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Supplier;

/** The store ports the verticles share, built once per process by {@link Storage#open}. */
public record Stores(InboxStore inbox, ConversationStore conversations, OutboxStore outbox, AuditStore audit,
                     ScheduleStore schedules, TenantStore tenants, RateLimiter rateLimiter,
                     List<DependencyCheck> checks,
                     Supplier<Future<Void>> closer) {

  public Future<Void> close() {
    return closer.get();
  }
}
