package dev.switchboard.scheduler;

import dev.switchboard.engine.store.Stores;
import dev.switchboard.config.RetentionConfig;
import dev.switchboard.engine.store.Schedule;
import dev.switchboard.metrics.SwitchboardMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes processed inbox events and settled outbox commands past their retention, in bounded batches one after
 * the other (never one long transaction, never the event loop held). A run stops after {@link #MAX_BATCHES}; what
 * is left goes at the next occurrence. As a durable schedule it runs once per occurrence in a cluster.
 */
final class RetentionJob implements SchedulerVerticle.Job {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
  static final int BATCH = 5_000;
  static final int MAX_BATCHES = 200;
  private final RetentionConfig retention;
  private final Stores stores;
  private final Clock clock;
  private final SwitchboardMetrics metrics;
  private final int batch;

  RetentionJob(RetentionConfig retention, Stores stores, Clock clock, SwitchboardMetrics metrics) {
    this(retention, stores, clock, metrics, BATCH);
  }

  RetentionJob(RetentionConfig retention, Stores stores, Clock clock, SwitchboardMetrics metrics, int batch) {
    this.batch = batch;
    this.retention = retention;
    this.stores = stores;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public Future<Void> run(Schedule occurrence, Vertx vertx) {
    Instant now = clock.instant();
    return purgeOlderThan(now, retention.inboxDays(), "inbox", stores.inbox()::purgeProcessed)
        .compose(in -> purgeOlderThan(now, retention.outboxDays(), "outbox", stores.outbox()::purgeSettled)
            .map(out -> {
              if (in + out > 0) {
                LOG.info("retention purged inbox={} outbox={}", in, out);
              }
              return null;
            }));
  }

  /** 0 days keeps forever. */
  private Future<Integer> purgeOlderThan(Instant now, int days, String store,
                                         BiFunction<Instant, Integer, Future<Integer>> purgeOne) {
    return days == 0 ? Future.succeededFuture(0) : purge(store, now.minus(Duration.ofDays(days)), purgeOne, 0, 0);
  }

  private Future<Integer> purge(String store, Instant before, BiFunction<Instant, Integer, Future<Integer>> purgeOne,
                                int done, int batches) {
    return purgeOne.apply(before, batch).compose(n -> {
      metrics.retentionPurged(store, n);
      int total = done + n;
      return n < batch || batches + 1 >= MAX_BATCHES ? Future.succeededFuture(total)
          : purge(store, before, purgeOne, total, batches + 1);
    });
  }
}
