package dev.switchboard.automation;

import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.ai.extract.Extraction;
import dev.switchboard.engine.automation.AutomationRule;
import dev.switchboard.engine.automation.AutomationStep;
import dev.switchboard.engine.automation.IntegrationLogEntry;
import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import dev.switchboard.engine.automation.MailSource;
import dev.switchboard.engine.automation.StepType;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.ExtractRequest;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.store.IntegrationStore;
import dev.switchboard.engine.store.OutboxStore;
import dev.switchboard.outbound.Outbox;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the integration pipelines. Every {@code scanMs} it takes PENDING records and moves each one step on: extract
 * (through the AI verticle, with its re-prompt and REQUIRES_REVIEW), or an external step enqueued in the outbox under
 * the step's idempotency key, whose SENT (next step, external id logged) or DEAD (FAILED) it picks up on a later
 * scan. Every change is a compare-and-set on the record's version, so any number of nodes can run this at once;
 * a crash anywhere repeats at most a store read, never an external action.
 */
public final class PipelineVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineVerticle.class);
  private static final int BATCH = 100;
  /** An extraction that fails (AI unavailable) is tried again after 2, 4, 8 s, then the record is FAILED. */
  private static final int EXTRACT_TRIES = 4;
  private static final long EXTRACT_TIMEOUT_MS = 60_000;
  private final TenantDirectory directory;
  private final IntegrationStore store;
  private final OutboxStore outboxStore;
  private final Outbox outbox;
  private final Clock clock;
  private final long scanMs;
  private final AutomationMetrics metrics;
  private final Set<String> busy = new HashSet<>();
  private long timer = -1;
  private boolean scanning;
  private Instant cursorAt;
  private String cursorId;

  public PipelineVerticle(TenantDirectory directory, IntegrationStore store, OutboxStore outboxStore, Outbox outbox,
                          Clock clock, long scanMs, AutomationMetrics metrics) {
    this.metrics = metrics;
    this.directory = directory;
    this.store = store;
    this.outboxStore = outboxStore;
    this.outbox = outbox;
    this.clock = clock;
    this.scanMs = scanMs;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(scanMs, id -> scan());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void scan() {
    if (scanning) {
      return;
    }
    scanning = true;
    store.pending(cursorAt, cursorId, BATCH).onComplete(ar -> {
      scanning = false;
      if (ar.failed()) {
        LOG.warn("integration scan failed cause={}", ar.cause().getClass().getSimpleName());
        return;
      }
      List<IntegrationRecord> page = ar.result();
      // A full page: the next scan reads on after it; a short one: the next scan starts over.
      IntegrationRecord last = page.size() < BATCH ? null : page.get(page.size() - 1);
      cursorAt = last == null ? null : last.updatedAt();
      cursorId = last == null ? null : last.id();
      for (IntegrationRecord r : page) {
        if (busy.add(r.id())) {
          advance(r).onComplete(done -> {
            busy.remove(r.id());
            if (done.failed()) {
              LOG.warn("integration {} step {} not advanced cause={}", r.id(), r.step(),
                  done.cause().getClass().getSimpleName());
            }
          });
        }
      }
    });
  }

  /** One move of one record; goes on with the next step at once when the move needs nothing external. */
  private Future<Void> advance(IntegrationRecord r) {
    TenantConfig tenant = directory.tenant(r.tenantId()).orElse(null);
    AutomationRule rule = tenant == null ? null : tenant.automations().stream()
        .filter(a -> a.id().equals(r.ruleId())).findFirst().orElse(null);
    Instant now = clock.instant();
    if (rule == null) {
      return save(r.next(IntegrationStatus.FAILED, r.step(), r.data(), List.of("automation " + r.ruleId()
          + " is not configured"), null, now, entry(r, "-", 1, "failed", "automation not configured", null)));
    }
    if (r.waitingOn() != null) {
      return outboxStore.get(r.waitingOn()).compose(c -> settled(r, rule, c, now));
    }
    if (r.step() >= rule.steps().size()) {
      LOG.info("integration {} tenant={} INTEGRATED", r.id(), r.tenantId());
      return save(r.next(IntegrationStatus.INTEGRATED, r.step(), r.data(), List.of(), null, now, null));
    }
    AutomationStep step = rule.steps().get(r.step());
    if (!step.type().external()) {
      return extract(r, tenant, now);
    }
    if (step.type() == StepType.EMAIL_REPLY && MailSource.parse(r.source()).autoSubmitted()) {
      // Answering an autoresponder makes two machines write to each other for ever (RFC 3834).
      return save(r.next(IntegrationStatus.PENDING, r.step() + 1, r.data(), r.errors(), null, now,
          entry(r, step.type().wire(), 0, "skipped", "auto-submitted mail is not answered", null)));
    }
    OutboundCommand command;
    try {
      command = StepCommands.build(r, r.step(), step, tenant, now);
    } catch (RuntimeException e) {
      return save(r.next(IntegrationStatus.FAILED, r.step(), r.data(), List.of(e.getMessage()), null, now,
          entry(r, step.type().wire(), 1, "failed", e.getClass().getSimpleName() + ": " + e.getMessage(), null)));
    }
    return outbox.enqueue(command, "automation:" + rule.id()).compose(queued -> save(r.next(
        IntegrationStatus.PENDING, r.step(), r.data(), r.errors(), command.id(), now, null)));
  }

  /** The waited-on command: SENT moves on (its provider id logged), DEAD fails the record, else keep waiting. */
  private Future<Void> settled(IntegrationRecord r, AutomationRule rule, OutboundCommand c, Instant now) {
    String type = r.step() < rule.steps().size() ? rule.steps().get(r.step()).type().wire() : "-";
    if (c == null) {
      // Enqueued by a node that died before the outbox write was seen: enqueue again under the same id.
      return save(r.next(IntegrationStatus.PENDING, r.step(), r.data(), r.errors(), null, now, null));
    }
    if (c.status() == CommandStatus.SENT) {
      return save(r.next(IntegrationStatus.PENDING, r.step() + 1, r.data(), List.of(), null, now,
          entry(r, type, c.attempts(), "ok", null, c.providerMessageId())));
    }
    if (c.status() == CommandStatus.DEAD) {
      LOG.warn("integration {} tenant={} FAILED at step {} ({})", r.id(), r.tenantId(), r.step(), type);
      return save(r.next(IntegrationStatus.FAILED, r.step(), r.data(), List.of(String.valueOf(c.lastError())),
          r.waitingOn(), now, entry(r, type, c.attempts(), "failed", c.lastError(), null)));
    }
    return Future.succeededFuture();
  }

  private Future<Void> extract(IntegrationRecord r, TenantConfig tenant, Instant now) {
    long failures = r.count(r.step(), "error");
    if (failures > 0 && "error".equals(r.log().get(r.log().size() - 1).outcome())) {
      IntegrationLogEntry last = r.log().get(r.log().size() - 1);
      if (now.isBefore(last.at().plus(Duration.ofSeconds(1L << Math.min(failures, 6))))) {
        return Future.succeededFuture();
      }
    }
    MailSource mail = MailSource.parse(r.source());
    return vertx.eventBus().<Extraction>request(Addresses.AI_EXTRACT, new ExtractRequest(tenant.id(),
            mail.extractionText(), now.atZone(tenant.zoneId()).toOffsetDateTime().toString()),
            new DeliveryOptions().setSendTimeout(EXTRACT_TIMEOUT_MS).setLocalOnly(true))
        .map(m -> m.body())
        .compose(x -> {
          Instant at = clock.instant();
          if (x.status() == Extraction.Status.VALID) {
            return save(r.next(IntegrationStatus.PENDING, r.step() + 1, x.data(), List.of(), null, at,
                entry(r, "extract", x.attempts(), "ok", null, null)));
          }
          LOG.info("integration {} tenant={} REQUIRES_REVIEW errors={}", r.id(), r.tenantId(), x.errors().size());
          return save(r.next(IntegrationStatus.REQUIRES_REVIEW, r.step(), x.data(), x.errors(), null, at,
              entry(r, "extract", x.attempts(), "requires_review", x.errors().size() + " schema error(s)", null)));
        }, e -> {
          boolean last = failures + 1 >= EXTRACT_TRIES;
          return save(r.next(last ? IntegrationStatus.FAILED : IntegrationStatus.PENDING, r.step(), r.data(),
              last ? List.of("extraction unavailable: " + e.getClass().getSimpleName()) : r.errors(), null,
              clock.instant(), entry(r, "extract", (int) failures + 1, last ? "failed" : "error",
                  e.getClass().getSimpleName(), null)));
        });
  }

  /** Writes the change, then goes on at once if it left the record PENDING with nothing to wait for. */
  private Future<Void> save(IntegrationRecord next) {
    return store.replace(next).onSuccess(applied -> {
      if (applied && next.status() != IntegrationStatus.PENDING) {
        metrics.settled(next.tenantId(), next.status().name());
      }
    }).compose(applied -> applied && next.status() == IntegrationStatus.PENDING
        && next.waitingOn() == null && !backingOff(next) ? advance(next) : Future.succeededFuture());
  }

  private static boolean backingOff(IntegrationRecord r) {
    return !r.log().isEmpty() && "error".equals(r.log().get(r.log().size() - 1).outcome());
  }

  private IntegrationLogEntry entry(IntegrationRecord r, String type, int attempt, String outcome, String error,
                                    String externalId) {
    return new IntegrationLogEntry(r.step(), type, attempt, clock.instant(), outcome, error, externalId);
  }
}
