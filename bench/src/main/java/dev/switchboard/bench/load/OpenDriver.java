package dev.switchboard.bench.load;

import io.vertx.core.Vertx;

/**
 * Offers {@code rate} webhooks per second on a fixed schedule, whether or not earlier ones were answered. Each
 * request's latency counts from when it was due, so time a request spent waiting behind a stalled server shows.
 */
final class OpenDriver implements WebhookLoad.Driver {
  private static final int MAX_OUTSTANDING = 20_000;
  private final Vertx vertx;
  private final WebhookLoad load;
  private final int rate;
  private long timer = -1;
  private long startNanos;
  private long issued;
  private int outstanding;

  OpenDriver(Vertx vertx, WebhookLoad load, int rate) {
    this.vertx = vertx;
    this.load = load;
    this.rate = rate;
  }

  @Override
  public void start() {
    vertx.runOnContext(v -> {
      startNanos = System.nanoTime();
      timer = vertx.setPeriodic(1, id -> tick());
    });
  }

  /** Issues every request due by now, each stamped with its own due time. */
  private void tick() {
    long elapsed = System.nanoTime() - startNanos;
    long due = elapsed * rate / 1_000_000_000L;
    while (issued < due && outstanding < MAX_OUTSTANDING) {
      long dueAt = startNanos + issued * 1_000_000_000L / rate;
      issued++;
      outstanding++;
      load.post(dueAt).onComplete(ar -> outstanding--);
    }
  }

  @Override
  public void stop() {
    vertx.runOnContext(v -> vertx.cancelTimer(timer));
  }
}
