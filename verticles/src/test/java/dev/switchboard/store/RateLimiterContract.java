package dev.switchboard.store;

import static dev.switchboard.store.PgTestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.store.RateLimiter;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every rate limiter must do: grant the burst, then make callers wait for the refill, per bucket. */
abstract class RateLimiterContract {

  abstract RateLimiter limiter();

  @Test
  void theBurstIsGrantedThenCallersWaitForTheRefill() throws InterruptedException {
    String bucket = "b-" + UUID.randomUUID();
    RateLimiter.Limit limit = new RateLimiter.Limit(10, 3);
    for (int i = 0; i < 3; i++) {
      assertThat(await(limiter().acquire(bucket, limit))).isZero();
    }
    Duration wait = await(limiter().acquire(bucket, limit));
    assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(100));
    Thread.sleep(wait.toMillis() + 20);
    assertThat(await(limiter().acquire(bucket, limit))).isZero();
  }

  @Test
  void bucketsAreIndependent() {
    RateLimiter.Limit one = new RateLimiter.Limit(0.5, 1);
    String a = "a-" + UUID.randomUUID();
    String b = "b-" + UUID.randomUUID();
    assertThat(await(limiter().acquire(a, one))).isZero();
    assertThat(await(limiter().acquire(a, one))).isGreaterThan(Duration.ofMillis(1000));
    assertThat(await(limiter().acquire(b, one))).isZero();
  }
}
