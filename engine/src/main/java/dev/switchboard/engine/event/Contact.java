package dev.switchboard.engine.event;

import java.util.Objects;

/**
 * A customer on a channel. {@code id} is normalised (E.164 for phones, one id for a Brazilian number
 * with or without the ninth digit); {@code replyTo} is the address exactly as the provider reported it,
 * which is where replies must go.
 */
public record Contact(String id, String replyTo, String displayName) {
  public Contact {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) throw new IllegalArgumentException("contact id must not be blank");
    Objects.requireNonNull(replyTo, "replyTo");
  }
}
