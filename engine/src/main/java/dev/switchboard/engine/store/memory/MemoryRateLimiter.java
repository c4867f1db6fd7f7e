package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.store.RateLimiter;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Token buckets in this process: exact for one node, and the fallback when the shared (Redis) buckets fail. */
public final class MemoryRateLimiter implements RateLimiter {
  private static final int MAX_BUCKETS = 100_000;
  private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;
  private final ConcurrentHashMap<String, double[]> buckets = new ConcurrentHashMap<>();
  private final LongSupplier nanos;
  private volatile long lastSweep;

  public MemoryRateLimiter() {
    this(System::nanoTime);
  }

  public MemoryRateLimiter(LongSupplier nanos) {
    this.nanos = nanos;
  }

  @Override
  public Future<Duration> acquire(String bucket, Limit limit) {
    long now = nanos.getAsLong();
    Duration[] wait = new Duration[1];
    // state: [tokens, last refill nanos, nanos after which an idle bucket is full again]
    buckets.compute(bucket, (k, state) -> {
      double[] s = state == null ? new double[] {limit.burst(), now, limit.burst() / limit.perSecond() * 1e9} : state;
      double refilled = Math.min(limit.burst(), s[0] + (now - s[1]) / 1e9 * limit.perSecond());
      s[1] = now;
      if (refilled >= 1) {
        s[0] = refilled - 1;
        wait[0] = Duration.ZERO;
      } else {
        s[0] = refilled;
        wait[0] = Duration.ofNanos((long) Math.ceil((1 - refilled) / limit.perSecond() * 1e9));
      }
      return s;
    });
    if (buckets.size() > MAX_BUCKETS && now - lastSweep > SWEEP_EVERY_NANOS) {
      // A bucket idle long enough to be full again can be forgotten: it would answer exactly the same. At most
      // one sweep a second: with every bucket still busy, sweeping on each call made every send scan them all.
      lastSweep = now;
      buckets.entrySet().removeIf(e -> now - e.getValue()[1] > e.getValue()[2]);
    }
    return Future.succeededFuture(wait[0]);
  }

  @Override
  public Future<Void> forget(Collection<String> names) {
    names.forEach(buckets::remove);
    return Future.succeededFuture();
  }
}
