package dev.switchboard.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.ai.extract.SchemaCheck;
import dev.switchboard.engine.automation.AutomationRule;
import dev.switchboard.engine.automation.IntegrationLogEntry;
import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import dev.switchboard.engine.automation.MailSource;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.privacy.ErasedRecords;
import dev.switchboard.engine.store.IntegrationStore;
import dev.switchboard.engine.store.MailboxStore;
import dev.switchboard.outbound.Outbox;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an operator does to a record: retry a FAILED one from the step that failed (its dead outbox command is
 * replayed under the same id, so a step that in fact went through is not repeated), or resolve a REQUIRES_REVIEW
 * one with corrected data, validated against the tenant's schema, after which the pipeline goes on.
 */
public final class IntegrationActions {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final IntegrationStore store;
  private final MailboxStore mailboxes;
  private final TenantDirectory directory;
  private final Outbox outbox;
  private final Clock clock;

  public IntegrationActions(IntegrationStore store, MailboxStore mailboxes, TenantDirectory directory, Outbox outbox,
                            Clock clock) {
    this.store = store;
    this.mailboxes = mailboxes;
    this.directory = directory;
    this.outbox = outbox;
    this.clock = clock;
  }

  public IntegrationStore store() {
    return store;
  }

  /** Where each mailbox's reading stands and which node polls it. */
  public MailboxStore mailboxes() {
    return mailboxes;
  }

  public Future<IntegrationRecord> retry(IntegrationRecord r, String actor) {
    if (r.status() != IntegrationStatus.FAILED) {
      return Future.failedFuture(Failure.conflict("only a FAILED integration can be retried; this one is "
          + r.status()));
    }
    if (ErasedRecords.erased(r)) {
      return Future.failedFuture(Failure.conflict("an erased integration cannot be retried"));
    }
    Instant now = clock.instant();
    IntegrationRecord rematched = configured(r) ? r : rematch(r, now);
    if (rematched == null) {
      return Future.failedFuture(Failure.conflict(MailSource.parse(r.source()).unparseable() != null
          ? "an unparseable mail cannot be retried" : "no automation rule matches this mail"));
    }
    IntegrationLogEntry line = new IntegrationLogEntry(r.step(), "retry", 1, now, "retry", null, null);
    Future<String> waiting = r.waitingOn() == null ? Future.succeededFuture(null)
        : outbox.replay(r.waitingOn(), actor, t -> true).map(x -> r.waitingOn());
    return waiting.compose(w -> change(rematched.next(IntegrationStatus.PENDING, rematched.step(), rematched.data(),
        List.of(), w, now, line)));
  }

  /** Errors of {@code data} against the tenant's schema (empty when valid). */
  public List<String> check(IntegrationRecord r, Map<String, Object> data) {
    TenantConfig tenant = directory.tenant(r.tenantId()).orElse(null);
    if (tenant == null || tenant.extractionSchema() == null) {
      return List.of("the tenant has no extractionSchema");
    }
    JsonNode schema = MAPPER.valueToTree(tenant.extractionSchema());
    return new SchemaCheck(schema).errors(MAPPER.valueToTree(data));
  }

  public Future<IntegrationRecord> resolve(IntegrationRecord r, Map<String, Object> data, String actor) {
    if (r.status() != IntegrationStatus.REQUIRES_REVIEW) {
      return Future.failedFuture(Failure.conflict("only a REQUIRES_REVIEW integration can be resolved; this one is "
          + r.status()));
    }
    Instant now = clock.instant();
    String json;
    try {
      json = MAPPER.writeValueAsString(data);
    } catch (Exception e) {
      return Future.failedFuture(Failure.badRequest("data is not JSON"));
    }
    return change(r.next(IntegrationStatus.PENDING, r.step() + 1, json, List.of(), null, now,
        new IntegrationLogEntry(r.step(), "extract", 1, now, "resolved", null, actor)));
  }

  private boolean configured(IntegrationRecord r) {
    return r.ruleId() != null && directory.tenant(r.tenantId())
        .map(t -> t.automations().stream().anyMatch(a -> a.id().equals(r.ruleId()))).orElse(false);
  }

  /**
   * A record whose rule did not match or is no longer configured: the rules may have changed since; match again
   * (from the first step). Null when none matches.
   */
  private IntegrationRecord rematch(IntegrationRecord r, Instant now) {
    MailSource mail = MailSource.parse(r.source());
    TenantConfig tenant = directory.tenant(r.tenantId()).orElse(null);
    AutomationRule rule = mail.unparseable() != null || tenant == null ? null
        : AutomationRule.first(tenant.automations(), r.channelId(), mail.subject(), mail.from(), null);
    if (rule == null) {
      return null;
    }
    IntegrationRecord matched = r.withRule(rule.id(), now);
    return new IntegrationRecord(matched.id(), matched.tenantId(), matched.channelId(), matched.sourceId(),
        matched.ruleId(), matched.status(), 0, matched.contact(), matched.source(), null, List.of(), null,
        matched.version(), matched.createdAt(), now, matched.log());
  }

  private Future<IntegrationRecord> change(IntegrationRecord next) {
    return store.replace(next).compose(applied -> applied ? Future.succeededFuture(next)
        : Future.failedFuture(Failure.conflict("the integration changed meanwhile; read it again")));
  }
}
