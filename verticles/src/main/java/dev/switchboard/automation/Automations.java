package dev.switchboard.automation;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.email.MailboxPollerVerticle;
import dev.switchboard.engine.store.OutboxStore;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.outbound.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * Starts e-mail intake and the integration pipelines on one node: the automation stores, the mailbox poller and the
 * pipeline runner. Returns the actions the admin API offers on integration records.
 */
public final class Automations {
  /** How often PENDING records are looked at: one indexed query, cheap enough to keep alerts prompt. */
  static final long SCAN_MS = 500;

  private Automations() {
  }

  public static Future<IntegrationActions> deploy(Vertx vertx, SwitchboardConfig config, TenantDirectory directory,
                                                  Outbox outbox, Stores engineStores, Clock clock, String node,
                                                  MeterRegistry registry) {
    AutomationMetrics metrics = new AutomationMetrics(registry, directory);
    OutboxStore outboxStore = engineStores.outbox();
    return AutomationStores.open(vertx, config.storage(), engineStores).compose(stores -> {
      MailIntake intake = new MailIntake(stores.integrations(), vertx.eventBus(), clock);
      return vertx.deployVerticle(new PipelineVerticle(directory, stores.integrations(), outboxStore, outbox, clock,
              SCAN_MS, metrics))
          .compose(id -> vertx.deployVerticle(new MailboxPollerVerticle(directory, stores.mailboxes(), intake, clock,
              node, metrics)))
          .map(id -> new IntegrationActions(stores.integrations(), stores.mailboxes(), directory, outbox, clock));
    });
  }
}
