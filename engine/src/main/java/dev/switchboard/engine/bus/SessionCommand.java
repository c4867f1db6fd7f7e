package dev.switchboard.engine.bus;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.event.NormalizedEvent;
import java.util.Objects;
import java.time.Instant;

/** Requests a session shard serves, in order, on the conversation's own mailbox. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@command")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SessionCommand.Deliver.class, name = "deliver"),
  @JsonSubTypes.Type(value = SessionCommand.Handoff.class, name = "handoff"),
  @JsonSubTypes.Type(value = SessionCommand.CloseIdle.class, name = "close-idle")
})
public sealed interface SessionCommand extends BusMessage {

  ConversationKey key();

  /** An inbound event already in the inbox. Replied with {@link Accepted} once queued. */
  record Deliver(ConversationKey key, NormalizedEvent event) implements SessionCommand {
    public Deliver {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(event, "event");
    }
  }

  /** An agent takes the conversation ({@code toHuman}) or hands it back to the bot. Replied with the new state. */
  record Handoff(ConversationKey key, boolean toHuman, String actor) implements SessionCommand {
    public Handoff {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(actor, "actor");
    }
  }

  /** The scheduler found the conversation idle past its tenant's timeout. */
  record CloseIdle(ConversationKey key, Instant idleSince) implements SessionCommand {
    public CloseIdle {
      Objects.requireNonNull(key, "key");
    }
  }

  /** Reply: the command is queued on (or was applied to) the conversation's mailbox. */
  record Accepted(String state) implements BusMessage {
  }
}
