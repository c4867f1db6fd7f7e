package dev.switchboard.cluster;

import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.FailureCode;
import dev.switchboard.engine.bus.SessionCommand;
import dev.switchboard.engine.bus.SessionReply;
import dev.switchboard.session.SessionGateway;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cluster: every session command goes through the session log, so it is ordered with the conversation's
 * messages and runs on whichever node owns the conversation's partition. A delivered event is acknowledged
 * once Kafka has it (acks=all); a hand-off or idle close waits for the owning node's answer, which comes back
 * over the clustered bus to this node's reply address.
 */
public final class KafkaSessionGateway implements SessionGateway {
  private static final SessionCommand.Accepted QUEUED = new SessionCommand.Accepted("QUEUED");
  private final Vertx vertx;
  private final SessionLog log;
  private final String replyAddress;
  private final long replyTimeoutMs;
  private final ConcurrentHashMap<String, Promise<SessionCommand.Accepted>> waiting = new ConcurrentHashMap<>();
  private MessageConsumer<SessionReply> replies;

  public KafkaSessionGateway(Vertx vertx, SessionLog log, String nodeId, long replyTimeoutMs) {
    this.vertx = vertx;
    this.log = log;
    this.replyAddress = Addresses.nodeReplies(nodeId);
    this.replyTimeoutMs = replyTimeoutMs;
  }

  public Future<Void> start() {
    replies = vertx.eventBus().consumer(replyAddress, m -> onReply(m.body()));
    return replies.completion();
  }

  public Future<Void> stop() {
    return replies == null ? Future.succeededFuture() : replies.unregister();
  }

  @Override
  public Future<SessionCommand.Accepted> submit(SessionCommand command, String correlationId) {
    if (command instanceof SessionCommand.Deliver) {
      return log.append(command, correlationId, null, null).map(QUEUED)
          .recover(e -> Future.failedFuture(failure(FailureCode.UNAVAILABLE, "session log unavailable")));
    }
    String requestId = UUID.randomUUID().toString();
    Promise<SessionCommand.Accepted> answer = Promise.promise();
    waiting.put(requestId, answer);
    long timer = vertx.setTimer(replyTimeoutMs, t -> {
      if (waiting.remove(requestId) != null) {
        answer.tryFail(failure(FailureCode.TIMEOUT, "no answer from the conversation's node"));
      }
    });
    log.append(command, correlationId, replyAddress, requestId).onFailure(e -> {
      if (waiting.remove(requestId) != null) {
        answer.tryFail(failure(FailureCode.UNAVAILABLE, "session log unavailable"));
      }
    });
    return answer.future().onComplete(ar -> vertx.cancelTimer(timer));
  }

  private void onReply(SessionReply reply) {
    Promise<SessionCommand.Accepted> answer = waiting.remove(reply.requestId());
    if (answer == null) {
      return;
    }
    if (reply.failureCode() == 0) {
      answer.tryComplete(new SessionCommand.Accepted(reply.state()));
    } else {
      answer.tryFail(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, reply.failureCode(), reply.reason()));
    }
  }

  private static ReplyException failure(FailureCode code, String reason) {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, code.code(), reason);
  }
}
