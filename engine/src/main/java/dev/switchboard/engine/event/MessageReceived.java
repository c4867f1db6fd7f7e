package dev.switchboard.engine.event;

import java.util.Objects;

/**
 * A customer's message. {@code inReplyTo} is the provider id of the business message it answers, if any.
 */
public record MessageReceived(EventSource source, Contact contact, Content content, String inReplyTo)
    implements NormalizedEvent {
  public MessageReceived {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(content, "content");
  }
}
