package dev.switchboard.outbound;

import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.outbound.SendResult;
import io.vertx.core.Future;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Locale;

/** The embedded default: records what would have been sent (admin API {@code /sandbox}) instead of sending. */
final class SandboxSender implements Sender {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxSender.class);
  private final SandboxLog log;
  private final Clock clock;

  SandboxSender(SandboxLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  @Override
  public Future<SendResult> send(OutboundCommand command, Destination to) {
    String text = command.payload() instanceof OutboundPayload.Text t ? t.body()
        : command.payload().getClass().getSimpleName().toLowerCase(Locale.ROOT);
    log.add(new SandboxLog.Entry(command.id(), command.key().tenantId(), to.id(), command.recipient(), text,
        clock.instant()));
    LOG.info("sandbox send conversation={} chars={}", command.key().logId(), text.length());
    return Future.succeededFuture(new SendResult.Sent("sandbox-" + command.id(), null));
  }
}
