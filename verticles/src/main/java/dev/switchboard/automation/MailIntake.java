package dev.switchboard.automation;

import dev.switchboard.config.TenantConfig;
import dev.switchboard.engine.automation.AutomationRule;
import dev.switchboard.engine.automation.IntegrationLogEntry;
import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import dev.switchboard.engine.automation.MailSource;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.ClassifyReply;
import dev.switchboard.engine.bus.ClassifyRequest;
import dev.switchboard.engine.channel.email.ParsedMail;
import dev.switchboard.engine.store.IntegrationStore;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Turns one mail into its integration record, once: the record id is derived from (tenant, mailbox, Message-ID), and
 * adding an existing id does nothing. A mail a rule matches starts PENDING at its first step; one no rule matches,
 * or one that could not be parsed, is kept FAILED with the reason (never dropped, never retried by itself).
 */
public final class MailIntake {
  private static final long CLASSIFY_TIMEOUT_MS = 30_000;
  private final IntegrationStore store;
  private final EventBus bus;
  private final Clock clock;

  public MailIntake(IntegrationStore store, EventBus bus, Clock clock) {
    this.store = store;
    this.bus = bus;
    this.clock = clock;
  }

  /** True when the mail was new. */
  public Future<Boolean> accept(TenantConfig tenant, String mailboxId, ParsedMail mail) {
    return intent(tenant, mail).compose(intent -> {
      AutomationRule rule = AutomationRule.first(tenant.automations(), mailboxId, mail.subject(), mail.fromAddress(),
          intent);
      Instant now = clock.instant();
      String id = MailSource.recordId(tenant.id(), mailboxId, mail.sourceId());
      IntegrationRecord record = rule != null
          ? new IntegrationRecord(id, tenant.id(), mailboxId, mail.sourceId(), rule.id(), IntegrationStatus.PENDING, 0,
              mail.fromAddress(), MailSource.of(mail).json(), null, null, null, 0, now, now, null)
          : new IntegrationRecord(id, tenant.id(), mailboxId, mail.sourceId(), null, IntegrationStatus.FAILED, 0,
              mail.fromAddress(), MailSource.of(mail).json(), null, List.of("no automation rule matches this mail"),
              null, 0, now, now, List.of(new IntegrationLogEntry(0, "match", 1, now, "no_rule", null, null)));
      return store.addIfAbsent(record);
    });
  }

  /** A mail that could not be parsed: FAILED with the reason, under its Message-ID (or header hash) like any other. */
  public Future<Boolean> unparseable(TenantConfig tenant, String mailboxId, String sourceId, String reason) {
    Instant now = clock.instant();
    return store.addIfAbsent(new IntegrationRecord(MailSource.recordId(tenant.id(), mailboxId, sourceId), tenant.id(),
        mailboxId, sourceId, null, IntegrationStatus.FAILED, 0, null, MailSource.unparseable(reason).json(), null,
        List.of(reason), null, 0, now, now, List.of(new IntegrationLogEntry(0, "parse", 1, now, "unparseable", reason,
            null))));
  }

  /** The intent, asked of the AI only when one of the tenant's rules needs it. */
  private Future<String> intent(TenantConfig tenant, ParsedMail mail) {
    if (tenant.automations().stream().noneMatch(AutomationRule::needsIntent)) {
      return Future.succeededFuture(null);
    }
    return bus.<ClassifyReply>request(Addresses.AI_CLASSIFY, new ClassifyRequest(tenant.id(),
            mail.subject() + "\n\n" + mail.text(), null),
            new DeliveryOptions().setSendTimeout(CLASSIFY_TIMEOUT_MS).setLocalOnly(true))
        .map(m -> m.body().intent())
        // The AI being down must not hold the mailbox up: the mail is matched by the rules that need no intent.
        .recover(e -> Future.succeededFuture(null));
  }
}
