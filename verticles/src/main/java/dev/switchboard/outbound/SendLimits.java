package dev.switchboard.outbound;

import dev.switchboard.config.OutboundConfig;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.store.RateBuckets;
import dev.switchboard.engine.store.RateLimiter;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Set;

/**
 * The two buckets a provider send draws from: the sending channel's throughput and the recipient's pacing.
 * Sandbox and web chat sends are local and not limited. Recipient buckets are keyed by a hash, not the number.
 */
final class SendLimits {
  private static final Set<String> LIMITED = Set.of("whatsapp", "telegram");
  private final RateLimiter limiter;
  private final RateLimiter.Limit sender;
  private final RateLimiter.Limit recipient;

  SendLimits(RateLimiter limiter, OutboundConfig config) {
    this.limiter = limiter;
    this.sender = new RateLimiter.Limit(config.senderPerSecond(), config.senderBurst());
    this.recipient = new RateLimiter.Limit(config.recipientPerSecond(), config.recipientBurst());
  }

  /** Zero when the command may go now, else how long to wait. */
  Future<Duration> waitFor(OutboundCommand command) {
    if (!LIMITED.contains(command.sender())) {
      return Future.succeededFuture(Duration.ZERO);
    }
    String channel = command.key().channelId();
    return limiter.acquire("send:" + channel, sender).compose(wait -> !wait.isZero() ? Future.succeededFuture(wait)
        : limiter.acquire(RateBuckets.recipient(channel, command.recipient()), recipient));
  }
}
