package dev.switchboard.engine.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a conversation as stored: what the customer sent or what the business answered.
 * {@code eventId} is the provider event id (inbound) or the outbox command id (outbound).
 */
public record Turn(Direction direction, String text, String eventId, Instant at) {
  public Turn {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(at, "at");
  }
}
