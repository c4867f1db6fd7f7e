package dev.switchboard.engine.bus;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.event.NormalizedEvent;
import java.util.Objects;
import java.time.Instant;

/** Requests a session shard serves, in order, on the conversation's own mailbox. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@command")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SessionCommand.Deliver.class, name = "deliver"),
  @JsonSubTypes.Type(value = SessionCommand.Handoff.class, name = "handoff"),
  @JsonSubTypes.Type(value = SessionCommand.CloseIdle.class, name = "close-idle"),
  @JsonSubTypes.Type(value = SessionCommand.FollowUp.class, name = "follow-up"),
  @JsonSubTypes.Type(value = SessionCommand.AgentMessage.class, name = "agent-message"),
  @JsonSubTypes.Type(value = SessionCommand.Block.class, name = "block"),
  @JsonSubTypes.Type(value = SessionCommand.Close.class, name = "close"),
  @JsonSubTypes.Type(value = SessionCommand.BookingEvent.class, name = "booking-event")
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

  /** A person closes the conversation (console). Replied with the new state. */
  record Close(ConversationKey key, String actor) implements SessionCommand {
    public Close {
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

  /**
   * A follow-up schedule found the customer quiet since before {@code quietSince}. The session sends {@code text}
   * (or, outside WhatsApp's 24-hour window, the approved template {@code templateName}, or nothing) only if the
   * conversation is still with the bot, not opted out, the customer has not written since, and fewer than
   * {@code maxFollowUps} follow-ups went out since the customer's last message. Replied with the outcome.
   */
  record FollowUp(ConversationKey key, Instant quietSince, String text, int maxFollowUps, String templateName,
                  String templateLanguage) implements SessionCommand {
    public FollowUp {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(quietSince, "quietSince");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A person's message to the customer, asked through the admin API: stored in the conversation (as an outbound
   * message, with its delivery status) together with its outbox command, on the conversation's mailbox so it takes
   * its place between the customer's messages. Replied with {@code CREATED}, or {@code EXISTS} for a repeated id.
   */
  record AgentMessage(ConversationKey key, OutboundCommand command, String actor) implements SessionCommand {
    public AgentMessage {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(actor, "actor");
    }
  }

  /** An operator blocks ({@code blocked}) or unblocks the contact. Replied with the conversation's state. */
  record Block(ConversationKey key, boolean blocked, String actor) implements SessionCommand {
    public Block {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(actor, "actor");
    }
  }

  /**
   * Something happened to a booking or to the conversation's booking dialogue that the conversation acts on, on its
   * own mailbox: a calendar call settled, is taking long, a reminder is due ({@code ref} its id), the dialogue went
   * idle, the customer did not show up. Replied with what was done.
   */
  record BookingEvent(ConversationKey key, String bookingId, Kind kind, String ref) implements SessionCommand {
    /** What happened. */
    public enum Kind { SETTLED, DELAYED, REMINDER, IDLE, NO_SHOW }

    public BookingEvent {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** Reply: the command is queued on (or was applied to) the conversation's mailbox. */
  record Accepted(String state) implements BusMessage {
  }
}
