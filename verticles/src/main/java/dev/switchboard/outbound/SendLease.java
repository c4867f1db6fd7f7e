package dev.switchboard.outbound;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.store.OutboxStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SENDING claim is a lease, longer than any one send can take (timeouts included), so only a dead sender's
 * claim ever expires; then any node may take the command back (one wins the compare-and-set) and send it — the
 * provider may have it already, which the Idempotency-Key header lets it recognise.
 */
final class SendLease {
  private static final Logger LOG = LoggerFactory.getLogger(SendLease.class);
  private final OutboxStore outbox;
  private final Clock clock;
  private final long leaseMs;

  SendLease(OutboxStore outbox, Clock clock, long requestTimeoutMs) {
    this.outbox = outbox;
    this.clock = clock;
    this.leaseMs = 3L * requestTimeoutMs + 5000;
  }

  /** When a claim made now expires. */
  Instant until() {
    return clock.instant().plusMillis(leaseMs);
  }

  /** Moves an expired SENDING command back to RETRY; true when this caller won it. */
  Future<Boolean> takeBack(OutboundCommand command) {
    return outbox.transition(CommandStatus.SENDING, command.retryAt(clock.instant(), "send lease expired"))
        .onSuccess(won -> {
          if (won) {
            LOG.info("send lease expired, taking back command {} {}", kv("tenant", command.key().tenantId()),
                kv("conversation", command.key().logId()));
          }
        });
  }
}
