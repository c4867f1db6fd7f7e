package dev.switchboard.automation;

import dev.switchboard.config.TenantDirectory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Mail intake and pipeline counters. Labels stay bounded: a tenant or mailbox must be configured to be named (else
 * {@code unknown}), outcomes and statuses are fixed words; never an address, subject or Message-ID.
 */
public final class AutomationMetrics {
  private static final String UNKNOWN = "unknown";
  private final MeterRegistry registry;
  private final TenantDirectory directory;

  public AutomationMetrics(MeterRegistry registry, TenantDirectory directory) {
    this.registry = registry;
    this.directory = directory;
  }

  /** outcome: new, duplicate, unparseable. */
  public void mail(String tenant, String mailbox, String outcome) {
    Counter.builder("sb_mail_messages_total").description("Mail read from the tenants' mailboxes by outcome")
        .tags("tenant", tenant(tenant), "mailbox", mailbox(tenant, mailbox), "outcome", outcome).register(registry)
        .increment();
  }

  /** outcome: ok, failed, not_held (another node holds the mailbox). */
  public void poll(String tenant, String mailbox, String outcome) {
    Counter.builder("sb_mailbox_polls_total").description("Mailbox polls by outcome")
        .tags("tenant", tenant(tenant), "mailbox", mailbox(tenant, mailbox), "outcome", outcome).register(registry)
        .increment();
  }

  /** A record reached INTEGRATED, FAILED or REQUIRES_REVIEW. */
  public void settled(String tenant, String status) {
    Counter.builder("sb_integrations_total").description("Integration records by the status they reached")
        .tags("tenant", tenant(tenant), "status", status).register(registry).increment();
  }

  private String tenant(String id) {
    return id != null && directory.tenant(id).isPresent() ? id : UNKNOWN;
  }

  private String mailbox(String tenant, String id) {
    return directory.tenant(tenant).map(t -> t.mailboxes().stream().anyMatch(m -> m.id().equals(id)) ? id : UNKNOWN)
        .orElse(UNKNOWN);
  }
}
