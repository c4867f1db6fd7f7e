package dev.switchboard.scheduler;

import dev.switchboard.engine.store.Stores;
import dev.switchboard.config.SchedulerConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.store.Schedule;
import dev.switchboard.metrics.SwitchboardMetrics;
import dev.switchboard.session.SessionGateway;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import dev.switchboard.normalize.EventRouter;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.vertx.core.Vertx;

/**
 * Runs durable schedules: every {@code pollMs} it claims the occurrences that are due (a claim is atomic in the
 * store, so with several nodes each occurrence runs once) and runs each one's job. Built-in jobs: idle-close,
 * retention and the inbox sweep.
 */
public final class SchedulerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerVerticle.class);
  static final String IDLE_CLOSE = "idle-close";
  static final String RETENTION = "retention";
  static final String INBOX_SWEEP = "inbox-sweep";
  private final SchedulerConfig config;
  private final Stores stores;
  private final Clock clock;
  private final Map<String, Job> jobs;
  private final SwitchboardMetrics metrics;
  private final AtomicLong inboxUnprocessed = new AtomicLong();
  private final AtomicLong inboxOldestAgeMs = new AtomicLong();
  private long timer = -1;
  private boolean polling;

  /**
   * @param heldHere whether an event is still waiting in a mailbox of this node (the sweeper leaves those alone);
   *                 in a cluster, where mailboxes are on every node, always false
   */
  public SchedulerVerticle(SchedulerConfig config, TenantDirectory directory, Stores stores, Clock clock,
                           SwitchboardMetrics metrics, SessionGateway sessions, EventRouter router,
                           Predicate<String> heldHere) {
    this.metrics = metrics;
    this.config = config;
    this.stores = stores;
    this.clock = clock;
    this.jobs = Map.of(IDLE_CLOSE, new IdleCloseJob(sessions, directory, stores, clock),
        RETENTION, new RetentionJob(config.retention(), stores, clock, metrics),
        INBOX_SWEEP, new InboxSweepJob(config.sweep(), stores, router, heldHere, clock, metrics));
  }

  /** One kind of scheduled work; runs on the scheduler's event loop and must not block. */
  interface Job {
    Future<Void> run(Schedule occurrence, Vertx vertx);
  }

  @Override
  public Future<?> start() {
    Duration tick = Duration.ofMillis(config.tickMs());
    metrics.gauge("sb_inbox_unprocessed", "Acknowledged inbound events not yet processed (sampled each poll)",
        inboxUnprocessed::get);
    metrics.gauge("sb_inbox_oldest_unprocessed_seconds", "Age of the oldest unprocessed inbound event (sampled)",
        () -> inboxOldestAgeMs.get() / 1000.0);
    var retention = config.retention();
    Duration every = Duration.ofMinutes(retention.everyMinutes());
    return stores.schedules().define(new Schedule(IDLE_CLOSE, null, IDLE_CLOSE, tick, clock.instant().plus(tick)))
        // A minute after the first start, then every `everyMinutes`; an existing schedule keeps its next run.
        .compose(v -> retention.enabled() ? stores.schedules().define(new Schedule(RETENTION, null, RETENTION, every,
            clock.instant().plus(Duration.ofMinutes(1)))) : Future.succeededFuture())
        .compose(v -> {
          var sweep = config.sweep();
          Duration sweepEvery = Duration.ofMillis(sweep.everyMs());
          return sweep.enabled() ? stores.schedules().define(new Schedule(INBOX_SWEEP, null, INBOX_SWEEP, sweepEvery,
              clock.instant().plus(sweepEvery))) : Future.succeededFuture();
        })
        .onSuccess(v -> timer = vertx.setPeriodic(config.pollMs(), id -> poll()));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  /** A poll still running when the next one is due is not overlapped. */
  private void poll() {
    if (polling) {
      return;
    }
    polling = true;
    stores.inbox().countUnprocessed().onSuccess(inboxUnprocessed::set);
    stores.inbox().unprocessed(1).onSuccess(oldest -> inboxOldestAgeMs.set(oldest.isEmpty() ? 0
        : Math.max(0, Duration.between(oldest.get(0).receivedAt(), clock.instant()).toMillis())));
    stores.schedules().claimDue(clock.instant(), 100).compose(due -> {
      Future<Void> chain = Future.succeededFuture();
      for (Schedule occurrence : due) {
        Job job = jobs.get(occurrence.job());
        if (job == null) {
          LOG.warn("schedule {} names unknown job {}", occurrence.id(), occurrence.job());
          continue;
        }
        Duration lag = Duration.between(occurrence.nextRunAt(), clock.instant());
        // One line per occurrence, whichever node claimed it: operators (and the cluster test) can see each fired once.
        LOG.info("schedule fired schedule={} job={} occurrence={}", occurrence.id(), occurrence.job(),
            occurrence.nextRunAt());
        chain = chain.compose(v -> job.run(occurrence, vertx)
            .onSuccess(ok -> metrics.schedulerRun(occurrence.job(), "ok", lag))
            .recover(e -> {
              metrics.schedulerRun(occurrence.job(), "failed", lag);
              LOG.warn("job {} failed cause={}", occurrence.job(), e.getClass().getSimpleName());
              return Future.succeededFuture();
            }));
      }
      return chain;
    }).onComplete(ar -> {
      polling = false;
      if (ar.failed()) {
        LOG.warn("schedule poll failed cause={}", ar.cause().getClass().getSimpleName());
      }
    });
  }
}
