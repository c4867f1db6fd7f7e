package dev.switchboard.engine.event;

import java.util.Objects;

/**
 * A customer on a channel. {@code id} is normalised (E.164 for phones, one id for a Brazilian number
 * with or without the ninth digit); {@code replyTo} is the address exactly as the provider reported it,
 * which is where replies must go. {@code origin} tags where the messages come from when the channel knows it (the web
 * chat: a hash of the visitor's address, never the address itself), for per-address limits; null otherwise.
 */
public record Contact(String id, String replyTo, String displayName, String origin) {
  public Contact {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) throw new IllegalArgumentException("contact id must not be blank");
    Objects.requireNonNull(replyTo, "replyTo");
  }

  public Contact(String id, String replyTo, String displayName) {
    this(id, replyTo, displayName, null);
  }
}
