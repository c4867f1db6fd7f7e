package dev.switchboard.outbound;

import dev.switchboard.config.OutboundConfig;
import dev.switchboard.engine.outbound.SendResult;
import dev.switchboard.metrics.SwitchboardMetrics;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One circuit breaker per tenant and sender: transient failures (5xx, 429, timeouts) count, a permanent refusal does
 * not (the provider answered). While open, commands wait instead of hammering a provider that is down; after the
 * reset time one trial call decides. Owned by the outbound verticle's event loop.
 */
final class Breakers {
  private static final Logger LOG = LoggerFactory.getLogger(Breakers.class);
  private final Vertx vertx;
  private final OutboundConfig config;
  private final SwitchboardMetrics metrics;
  private final Map<String, CircuitBreaker> byKey = new HashMap<>();

  Breakers(Vertx vertx, OutboundConfig config, SwitchboardMetrics metrics) {
    this.vertx = vertx;
    this.config = config;
    this.metrics = metrics;
  }

  /** Signals that a breaker is open: the command was not sent. */
  static final class Open extends RuntimeException {
    Open() {
      super("circuit open", null, false, false);
    }
  }

  boolean isOpen(String tenant, String sender) {
    CircuitBreaker breaker = byKey.get(tenant + "|" + sender);
    return breaker != null && breaker.state() == CircuitBreakerState.OPEN;
  }

  Future<SendResult> call(String tenant, String sender, Supplier<Future<SendResult>> send) {
    CircuitBreaker breaker = byKey.computeIfAbsent(tenant + "|" + sender, k -> create(tenant, sender));
    return breaker.<SendResult>execute(promise -> send.get().onSuccess(result -> {
      if (result instanceof SendResult.Transient t && !t.throttled() && !t.recipientAway()) {
        promise.fail(new TransientFailure(result));
      } else {
        promise.complete(result);
      }
    }).onFailure(promise::fail)).recover(e -> {
      if (e instanceof TransientFailure t) {
        return Future.succeededFuture(t.result);
      }
      return Future.failedFuture(new Open());
    });
  }

  private CircuitBreaker create(String tenant, String sender) {
    String name = "outbound:" + tenant + ":" + sender;
    CircuitBreaker breaker = CircuitBreaker.create(name, vertx, new CircuitBreakerOptions()
            .setMaxFailures(config.breakerFailures())
            .setResetTimeout(config.breakerResetMs())
            .setTimeout(-1))
        .openHandler(v -> LOG.warn("circuit open tenant={} sender={}", tenant, sender))
        .halfOpenHandler(v -> LOG.info("circuit half-open tenant={} sender={}", tenant, sender))
        .closeHandler(v -> LOG.info("circuit closed tenant={} sender={}", tenant, sender));
    metrics.gauge("sb_breaker_open", "1 while a circuit breaker is open",
        () -> breaker.state() == CircuitBreakerState.OPEN ? 1 : 0, "breaker", name);
    return breaker;
  }

  /** Carries a transient result through the breaker as a failure it counts. */
  private static final class TransientFailure extends RuntimeException {
    final SendResult result;

    TransientFailure(SendResult result) {
      super("transient", null, false, false);
      this.result = result;
    }
  }
}
