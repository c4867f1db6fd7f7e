package dev.switchboard.engine.store;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Collection;

/**
 * Token buckets shared by everyone sending on the same key (a sending number, a recipient). {@link #acquire}
 * takes one token when one is available and answers {@link Duration#ZERO}; otherwise it takes nothing and
 * answers how long until a token will be there, so the caller queues instead of failing.
 */
public interface RateLimiter {

  /** A bucket: {@code perSecond} tokens refill each second, up to {@code burst}. */
  record Limit(double perSecond, int burst) {
    public Limit {
      if (perSecond <= 0 || burst < 1) {
        throw new IllegalArgumentException("a limit needs a positive rate and a burst of at least 1");
      }
    }
  }

  Future<Duration> acquire(String bucket, Limit limit);

  /** Drops these buckets (an erased contact's): the next acquire starts a full bucket. */
  default Future<Void> forget(Collection<String> buckets) {
    return Future.succeededFuture();
  }
}
