package dev.switchboard.store.redis;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.vertx.circuitbreaker.CircuitBreakerState;

/**
 * Redis is an accelerator here, never the source of truth: every call has a short timeout and a fallback, and a
 * circuit breaker stops paying that timeout on every request while Redis is down.
 */
public final class RedisGuard {
  private static final Logger LOG = LoggerFactory.getLogger(RedisGuard.class);
  private final CircuitBreaker breaker;

  public RedisGuard(Vertx vertx, long timeoutMs) {
    this.breaker = CircuitBreaker.create("redis", vertx, new CircuitBreakerOptions()
            .setTimeout(timeoutMs)
            .setMaxFailures(3)
            .setResetTimeout(2000))
        .openHandler(v -> LOG.warn("redis unavailable: degrading to PostgreSQL"))
        .closeHandler(v -> LOG.info("redis available again"));
  }

  /** The call's result, or {@code fallback} when Redis fails, times out or its circuit is open. */
  public <T> Future<T> call(Supplier<Future<T>> call, T fallback) {
    return breaker.<T>execute(promise -> call.get().onComplete(promise)).otherwise(fallback);
  }

  public boolean isOpen() {
    return breaker.state() == CircuitBreakerState.OPEN;
  }
}
