package dev.switchboard.scheduler;

import dev.switchboard.engine.store.Stores;
import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.bus.SessionCommand;
import dev.switchboard.session.SessionGateway;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.store.Schedule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Closes conversations idle past their tenant's timeout. The close runs on the conversation's own mailbox (the
 * session checks idleness again there), so it cannot race a new customer message.
 */
final class IdleCloseJob implements SchedulerVerticle.Job {
  private static final int BATCH = 500;
  private final SessionGateway sessions;
  private final TenantDirectory directory;
  private final Stores stores;
  private final Clock clock;

  IdleCloseJob(SessionGateway sessions, TenantDirectory directory, Stores stores, Clock clock) {
    this.clock = clock;
    this.sessions = sessions;
    this.directory = directory;
    this.stores = stores;
  }

  @Override
  public Future<Void> run(Schedule occurrence, Vertx vertx) {
    Instant now = clock.instant();
    long shortest = directory.tenants().stream().mapToLong(TenantConfig::idleTimeoutSeconds).min().orElse(1800);
    return stores.conversations().idleSince(now.minus(Duration.ofSeconds(shortest)), BATCH).compose(idle -> {
      Future<Void> all = Future.succeededFuture();
      for (Conversation c : idle) {
        all = all.compose(v -> closeIfDue(vertx, c, now));
      }
      return all;
    });
  }

  private Future<Void> closeIfDue(Vertx vertx, Conversation c, Instant now) {
    var tenant = directory.tenant(c.key().tenantId()).orElse(null);
    if (tenant == null) {
      return Future.succeededFuture();
    }
    Instant cutoff = now.minus(Duration.ofSeconds(tenant.idleTimeoutSeconds()));
    if (c.lastActivityAt().isAfter(cutoff)) {
      return Future.succeededFuture();
    }
    return sessions.submit(new SessionCommand.CloseIdle(c.key(), cutoff), "scheduler")
        .<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }
}
