package dev.switchboard.scheduler;

import dev.switchboard.config.SweepConfig;
import dev.switchboard.engine.store.InboxEntry;
import dev.switchboard.engine.store.Schedule;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.metrics.SwitchboardMetrics;
import dev.switchboard.normalize.EventRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-drives acknowledged events that were not processed in time. A turn that failed (storage unreachable, a node
 * lost, a shard that refused the hand-over) leaves its events unprocessed in the inbox, and before this job nothing
 * routed them again until a restart. Each run routes, oldest first (so a conversation keeps its order), the
 * unprocessed events older than {@code redriveAfterMs}, except those still held on this node (waiting in a mailbox)
 * and those this node re-drove less than {@code redriveAfterMs} ago.
 *
 * <p>Routing an event again is safe whatever the timing: a session step over an event another step already
 * processed is skipped (the inbox remembers), and a turn's batch never holds the same event twice, so a re-drive
 * that races the normal path costs a skipped turn, never a second reply.
 */
final class InboxSweepJob implements SchedulerVerticle.Job {
  private static final Logger LOG = LoggerFactory.getLogger(InboxSweepJob.class);
  private static final int PAGE = 1000;
  private final SweepConfig config;
  private final Stores stores;
  private final EventRouter router;
  private final Predicate<String> heldHere;
  private final Clock clock;
  private final SwitchboardMetrics metrics;
  private final Map<String, Instant> redriven = new HashMap<>();

  InboxSweepJob(SweepConfig config, Stores stores, EventRouter router, Predicate<String> heldHere, Clock clock,
                SwitchboardMetrics metrics) {
    this.config = config;
    this.stores = stores;
    this.router = router;
    this.heldHere = heldHere;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public Future<Void> run(Schedule occurrence, Vertx vertx) {
    Instant now = clock.instant();
    Instant cutoff = now.minusMillis(config.redriveAfterMs());
    redriven.values().removeIf(at -> at.isBefore(cutoff));
    return stores.inbox().unprocessed(PAGE).compose(entries -> {
      List<InboxEntry> stuck = entries.stream()
          .filter(e -> e.receivedAt().isBefore(cutoff))
          .filter(e -> !heldHere.test(e.event().dedupeKey()) && !redriven.containsKey(e.event().dedupeKey()))
          .toList();
      if (stuck.isEmpty()) {
        return Future.succeededFuture();
      }
      LOG.info("inbox sweep: re-driving {} event(s) unprocessed for more than {} ms", stuck.size(),
          config.redriveAfterMs());
      Future<Void> chain = Future.succeededFuture();
      for (InboxEntry entry : stuck) {
        chain = chain.compose(v -> router.route(entry.event(), "sweep").<Void>mapEmpty()
            .onSuccess(x -> {
              redriven.put(entry.event().dedupeKey(), now);
              metrics.redriven(1);
            }));
      }
      // A failure stops this run (the session or a store is still unwell); the next occurrence tries again.
      return chain;
    });
  }
}
