package dev.switchboard.engine.bus;

import java.util.Objects;

/**
 * The outcome of a session command that travelled through the cluster's session log, sent back over the
 * clustered bus to the node that asked: the new state, or a {@link FailureCode} code with a reason.
 */
public record SessionReply(String requestId, String state, int failureCode, String reason) implements BusMessage {
  public SessionReply {
    Objects.requireNonNull(requestId, "requestId");
  }

  public static SessionReply ok(String requestId, String state) {
    return new SessionReply(requestId, state, 0, null);
  }

  public static SessionReply failed(String requestId, int failureCode, String reason) {
    return new SessionReply(requestId, null, failureCode, reason);
  }
}
