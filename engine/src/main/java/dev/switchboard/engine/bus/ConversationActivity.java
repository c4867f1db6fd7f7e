package dev.switchboard.engine.bus;

import dev.switchboard.engine.event.ConversationKey;
import java.time.Instant;
import java.util.Objects;

/**
 * Published to every node after a conversation's step is committed (a message in or out, a change of hands): what
 * the operator console's live feed needs to refresh one row. Carries no message text.
 */
public record ConversationActivity(ConversationKey key, String state, String flag, Instant at) implements BusMessage {
  public ConversationActivity {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
  }
}
