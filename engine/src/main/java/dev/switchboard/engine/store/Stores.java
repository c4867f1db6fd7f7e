package dev.switchboard.engine.store;

import dev.switchboard.engine.health.DependencyCheck;
import dev.switchboard.engine.privacy.ContactDataStore;
import dev.switchboard.engine.store.memory.MemoryBookingStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Supplier;

/** The store ports the verticles share, built once per process for the configured storage mode. */
public record Stores(InboxStore inbox, ConversationStore conversations, OutboxStore outbox, AuditStore audit,
                     ScheduleStore schedules, TenantScheduleStore tenantSchedules,
                     ReportStore reports, TenantStore tenants, TenantConfigStore tenantConfigs,
                     ApiTokenStore apiTokens, KnowledgeStore knowledge, RateLimiter rateLimiter,
                     List<DependencyCheck> checks,
                     Supplier<Future<Void>> closer,
                     ContactDataStore contacts, BookingStore bookings) {

  /** Without a durable booking store: bookings are kept in memory (memory mode, tests). */
  public Stores(InboxStore inbox, ConversationStore conversations, OutboxStore outbox, AuditStore audit,
                ScheduleStore schedules, TenantScheduleStore tenantSchedules, ReportStore reports, TenantStore tenants,
                TenantConfigStore tenantConfigs, ApiTokenStore apiTokens, KnowledgeStore knowledge,
                RateLimiter rateLimiter, List<DependencyCheck> checks, Supplier<Future<Void>> closer,
                ContactDataStore contacts) {
    this(inbox, conversations, outbox, audit, schedules, tenantSchedules, reports, tenants, tenantConfigs, apiTokens,
        knowledge, rateLimiter, checks, closer, contacts,
        new MemoryBookingStore());
  }

  public Future<Void> close() {
    return closer.get();
  }
}
