package dev.switchboard.engine.event;

import java.util.Objects;

/**
 * Something the provider sent that the engine does not act on (an unsupported message type, a Standard
 * Webhooks event, ...). It is still recorded so nothing acknowledged disappears; {@code contact} may be null.
 */
public record UnsupportedEvent(EventSource source, Contact contact, String reason) implements NormalizedEvent {
  public UnsupportedEvent {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
  }
}
