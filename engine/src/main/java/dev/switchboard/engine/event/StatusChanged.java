package dev.switchboard.engine.event;

import java.util.Objects;

/** A provider's delivery report for a message the business sent. {@code errorCode} only on FAILED. */
public record StatusChanged(
    EventSource source, String providerMessageId, String recipientId, DeliveryStatus status,
    String errorCode, String errorReason) implements NormalizedEvent {
  public StatusChanged {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(providerMessageId, "providerMessageId");
    Objects.requireNonNull(status, "status");
  }
}
