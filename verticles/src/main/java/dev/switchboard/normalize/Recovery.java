package dev.switchboard.normalize;

import dev.switchboard.engine.store.Stores;

import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.store.InboxEntry;
import dev.switchboard.engine.bus.FailureCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Instant;

/**
 * Start-up recovery, before the edge takes traffic: acknowledged inbox events that were never processed are
 * routed again in arrival order (so each conversation keeps its order), and commands left SENDING by a crash
 * are put back to RETRY — the provider may or may not have received them, and a retry is better than a loss.
 */
public final class Recovery {
  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
  private static final int PAGE = 100_000;
  private static final int FULL_RETRIES = 600;
  private final Stores stores;
  private final EventRouter router;
  private final Clock clock;
  private final Vertx vertx;
  private final long clusterRecoverAfterMs;

  /**
   * @param clusterRecoverAfterMs negative on a single node; in a cluster, other nodes are working, so only
   *                              events unprocessed for longer than this are appended to the log again, and
   *                              SENDING commands are left to their lease (their node may still be sending)
   */
  public Recovery(Vertx vertx, Stores stores, EventRouter router, Clock clock, long clusterRecoverAfterMs) {
    this.vertx = vertx;
    this.clusterRecoverAfterMs = clusterRecoverAfterMs;
    this.stores = stores;
    this.router = router;
    this.clock = clock;
  }

  public Future<Void> run() {
    boolean clustered = clusterRecoverAfterMs >= 0;
    Instant cutoff = clock.instant().minusMillis(Math.max(0, clusterRecoverAfterMs));
    return (clustered ? Future.succeededFuture(0) : resumeSending()).compose(n -> stores.inbox().unprocessed(PAGE))
        .map(all -> clustered ? all.stream().filter(e -> e.receivedAt().isBefore(cutoff)).toList() : all)
        .compose(entries -> {
      if (!entries.isEmpty()) {
        LOG.info("recovering {} unprocessed inbox event(s)", entries.size());
      }
      Future<Void> chain = Future.succeededFuture();
      for (InboxEntry entry : entries) {
        chain = chain.compose(v -> route(entry, FULL_RETRIES));
      }
      return chain;
    });
  }

  /** A conversation with more backlog than its mailbox holds: wait for it to drain rather than fail the start. */
  private Future<Void> route(InboxEntry entry, int retriesLeft) {
    return router.route(entry.event(), "recovery").<Void>mapEmpty().recover(e -> {
      boolean full = e instanceof ReplyException re && FailureCode.fromCode(re.failureCode()) == FailureCode.QUEUE_FULL;
      return full && retriesLeft > 0
          ? vertx.timer(50).compose(t -> route(entry, retriesLeft - 1))
          : Future.failedFuture(e);
    });
  }

  private Future<Integer> resumeSending() {
    return stores.outbox().list(null, CommandStatus.SENDING, PAGE).compose(stuck -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (OutboundCommand c : stuck) {
        chain = chain.compose(n -> stores.outbox()
            .transition(CommandStatus.SENDING, c.retryAt(clock.instant(), "interrupted by restart")).map(n + 1));
      }
      return chain.onSuccess(n -> {
        if (n > 0) {
          LOG.info("resuming {} command(s) interrupted while sending", n);
        }
      });
    });
  }

}
