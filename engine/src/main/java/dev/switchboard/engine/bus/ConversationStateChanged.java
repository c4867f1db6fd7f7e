package dev.switchboard.engine.bus;

import dev.switchboard.engine.event.ConversationKey;
import java.time.Instant;
import java.util.Objects;

/**
 * Published to every node when a person takes a conversation over or hands it back (or it closes): whatever a
 * node still holds for the conversation from before {@code at} may be stale.
 */
public record ConversationStateChanged(ConversationKey key, String state, Instant at) implements BusMessage {
  public ConversationStateChanged {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
  }
}
