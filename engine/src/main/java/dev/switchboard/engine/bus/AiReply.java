package dev.switchboard.engine.bus;

import java.util.Objects;

/** AI → session. {@code fallback} is true when the provider failed and the tenant's fallback text was used. */
public record AiReply(String intent, String text, String provider, boolean fallback) implements BusMessage {
  public AiReply {
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(provider, "provider");
  }
}
