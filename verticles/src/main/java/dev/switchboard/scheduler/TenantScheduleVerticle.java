package dev.switchboard.scheduler;

import dev.switchboard.config.SchedulerConfig;
import dev.switchboard.config.ScheduleConfig;
import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.bus.ScheduleRunNow;
import dev.switchboard.engine.schedule.OccurrencePlan;
import dev.switchboard.engine.schedule.RunStatus;
import dev.switchboard.engine.schedule.RunTrigger;
import dev.switchboard.engine.schedule.ScheduleJob;
import dev.switchboard.engine.schedule.ScheduleRun;
import dev.switchboard.engine.schedule.TenantSchedule;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.engine.store.TenantScheduleStore;
import dev.switchboard.outbound.Outbox;
import dev.switchboard.session.SessionGateway;
import dev.switchboard.metrics.SwitchboardMetrics;
import dev.switchboard.tenant.ScheduleDefinitions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the schedules tenants define. Every {@code pollMs} it looks for due schedules and claims each occurrence
 * (a conditional update in the store: one node of any number wins); it applies the catch-up policy to occurrences
 * missed while down; it serves run-now. Every execution holds the schedule's run lease and is written to the
 * execution log as RUNNING, then SUCCEEDED / FAILED / SKIPPED with a summary. Configured schedules are written to
 * the store at start (an existing one keeps its next occurrence and pause unless its cron or zone changed).
 */
public final class TenantScheduleVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(TenantScheduleVerticle.class);
  private static final int DUE_BATCH = 20;
  /** Abandoned executions are looked for every this many polls. */
  private static final int ABANDONED_EVERY = 10;
  private final SchedulerConfig config;
  private final TenantDirectory directory;
  private final TenantScheduleStore store;
  private final Clock clock;
  private final SwitchboardMetrics metrics;
  private final String node;
  private final Map<ScheduleJob, TenantJob> jobs;
  private long timer = -1;
  private boolean polling;
  private int polls;

  TenantScheduleVerticle(SchedulerConfig config, TenantDirectory directory, TenantScheduleStore store, Clock clock,
                         SwitchboardMetrics metrics, String node, Map<ScheduleJob, TenantJob> jobs) {
    this.config = config;
    this.directory = directory;
    this.store = store;
    this.clock = clock;
    this.metrics = metrics;
    this.node = node;
    this.jobs = jobs;
  }

  /** The verticle with the three tenant jobs, for one node. */
  public static TenantScheduleVerticle create(Vertx vertx, SchedulerConfig config, TenantDirectory directory,
                                              Stores stores, Outbox outbox, SessionGateway sessions, Clock clock,
                                              SwitchboardMetrics metrics, String node) {
    RollupJob rollup = new RollupJob(directory, stores.reports());
    return new TenantScheduleVerticle(config, directory, stores.tenantSchedules(), clock, metrics, node, Map.of(
        ScheduleJob.ROLLUP, rollup,
        ScheduleJob.FOLLOW_UP, new FollowUpJob(stores.conversations(), sessions, clock),
        ScheduleJob.REPORT, new ReportJob(vertx, directory, stores.reports(), rollup, outbox, clock)));
  }

  @Override
  public Future<?> start() {
    return seed().compose(v -> vertx.eventBus().<ScheduleRunNow>localConsumer(Addresses.SCHEDULE_RUN_NOW,
            this::runNow).completion())
        .onSuccess(v -> timer = vertx.setPeriodic(config.pollMs(), id -> poll()));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  /** Writes the tenants' configured schedules; a bad one fails the start with the reason. */
  private Future<Void> seed() {
    Instant now = clock.instant();
    Future<Void> chain = Future.succeededFuture();
    for (TenantConfig tenant : directory.tenants()) {
      for (ScheduleConfig c : tenant.schedules()) {
        TenantSchedule wanted = ScheduleDefinitions.fromConfig(tenant, c, now);
        chain = chain.compose(v -> store.get(tenant.id(), c.id())).compose(existing -> {
          if (existing != null && Objects.equals(existing.cron(), wanted.cron())
              && Objects.equals(existing.zone(), wanted.zone())) {
            // Same timing: keep where it stands (next occurrence, paused by an operator).
            return store.put(new TenantSchedule(wanted.id(), wanted.tenantId(), wanted.name(), wanted.cron(),
                wanted.zone(), wanted.job(), wanted.params(), wanted.catchUp(), existing.paused(),
                existing.nextRunAt(), "config", now), false).mapEmpty();
          }
          return store.put(wanted, false).mapEmpty();
        });
      }
    }
    return chain;
  }

  private void poll() {
    if (polling) {
      return;
    }
    polling = true;
    Instant now = clock.instant();
    Future<Integer> abandoned = polls++ % ABANDONED_EVERY == 0 ? store.closeAbandoned(now)
        : Future.succeededFuture(0);
    abandoned.onSuccess(n -> {
      if (n > 0) {
        LOG.warn("closed {} schedule execution(s) abandoned by a stopped node", n);
      }
    }).compose(n -> store.due(now, DUE_BATCH)).compose(due -> {
      Future<Void> chain = Future.succeededFuture();
      for (TenantSchedule s : due) {
        chain = chain.compose(v -> occurrence(s, now)).recover(e -> {
          LOG.warn("schedule {} of tenant {} could not be claimed cause={}", s.id(), s.tenantId(),
              e.getClass().getSimpleName());
          return Future.succeededFuture();
        });
      }
      return chain;
    }).onComplete(ar -> {
      polling = false;
      if (ar.failed()) {
        LOG.warn("tenant schedule poll failed cause={}", ar.cause().getClass().getSimpleName());
      }
    });
  }

  /** Claims the due occurrence; the winner runs it (or logs it SKIPPED) without holding up the poll. */
  private Future<Void> occurrence(TenantSchedule s, Instant now) {
    OccurrencePlan plan = OccurrencePlan.of(s, now, Duration.ofMillis(config.misfireGraceMs()));
    String runId = UUID.randomUUID().toString();
    return store.claim(s.tenantId(), s.id(), s.nextRunAt(), plan.next(), runId, lease(now), now).map(won -> {
      if (won) {
        LOG.info("schedule occurrence claimed tenant={} schedule={} job={} occurrence={} trigger={} run={}",
            s.tenantId(), s.id(), s.job().wire(), plan.occurrence(), plan.run() ? plan.trigger() : "SKIPPED", runId);
        if (plan.run()) {
          execute(s, plan.trigger(), plan.occurrence(), runId);
        } else {
          skip(s, plan.occurrence(), runId, now);
        }
      }
      return null;
    });
  }

  private Instant lease(Instant now) {
    return now.plusMillis(config.runLeaseMs());
  }

  private void skip(TenantSchedule s, Instant occurrence, String runId, Instant now) {
    ScheduleRun skipped = new ScheduleRun(runId, s.id(), s.tenantId(), s.job(), RunTrigger.CATCH_UP, occurrence, now,
        now, RunStatus.SKIPPED, "missed while no node was running (catchUp: skip)", Map.of(), node);
    metrics.schedulerRun(s.job().wire(), "skipped", Duration.between(occurrence, now));
    store.record(skipped).eventually(() -> store.release(s.tenantId(), s.id(), runId));
  }

  private void runNow(Message<ScheduleRunNow> message) {
    ScheduleRunNow ask = message.body();
    Instant now = clock.instant();
    String runId = UUID.randomUUID().toString();
    store.get(ask.tenantId(), ask.scheduleId()).compose(s -> {
      if (s == null) {
        return Future.failedFuture(Failure.notFound("no schedule " + ask.scheduleId() + " for tenant "
            + ask.tenantId()));
      }
      return store.lease(s.tenantId(), s.id(), runId, lease(now), now).compose(leased -> {
        if (!leased) {
          return Future.failedFuture(Failure.conflict("schedule " + s.id() + " is running; try again when it ends"));
        }
        LOG.info("schedule run-now tenant={} schedule={} job={} run={}", s.tenantId(), s.id(), s.job().wire(), runId);
        return execute(s, RunTrigger.RUN_NOW, now, runId);
      });
    }).onSuccess(started -> message.reply(new ScheduleRunNow.Started(runId)))
        .onFailure(e -> Failure.reply(message, e));
  }

  /**
   * Writes the RUNNING entry, then runs the job on; the returned future completes once the entry is written. The
   * lease is given back when the job ends, whatever its outcome; a job outliving the lease is recorded FAILED.
   */
  private Future<Void> execute(TenantSchedule s, RunTrigger trigger, Instant occurrence, String runId) {
    Instant started = clock.instant();
    ScheduleRun running = new ScheduleRun(runId, s.id(), s.tenantId(), s.job(), trigger, occurrence, started, null,
        RunStatus.RUNNING, null, Map.of(), node);
    TenantJob job = jobs.get(s.job());
    return store.record(running).onSuccess(v -> {
      Future<Map<String, Object>> work;
      try {
        work = job.run(s, occurrence, runId);
      } catch (RuntimeException e) {
        work = Future.failedFuture(e);
      }
      work.timeout(config.runLeaseMs(), TimeUnit.MILLISECONDS).onComplete(ar -> {
        Instant ended = clock.instant();
        ScheduleRun done = ar.succeeded()
            ? running.finished(RunStatus.SUCCEEDED, ended, null, ar.result())
            : running.finished(RunStatus.FAILED, ended, reason(ar.cause()), Map.of());
        metrics.schedulerRun(s.job().wire(), ar.succeeded() ? "ok" : "failed", Duration.between(occurrence, started));
        LOG.info("schedule run ended tenant={} schedule={} run={} status={}{}", s.tenantId(), s.id(), runId,
            done.status(), ar.failed() ? " cause=" + ar.cause().getClass().getSimpleName() : "");
        store.record(done).eventually(() -> store.release(s.tenantId(), s.id(), runId))
            .onFailure(e -> LOG.warn("schedule run {} could not be logged cause={}", runId,
                e.getClass().getSimpleName()));
      });
    }).recover(e -> store.release(s.tenantId(), s.id(), runId).transform(x -> Future.failedFuture(e)));
  }

  /** The error the execution log shows: the failure's class and, for our own failures, their message. */
  private static String reason(Throwable e) {
    if (e instanceof Failure || e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
