package dev.switchboard.engine.bus;

import java.util.Objects;

/** Admin → AI: what a turn would make of this text (guard, intent, fields). {@code now} as in {@link ExtractRequest}. */
public record ClassifyRequest(String tenantId, String text, String now) implements BusMessage {
  public ClassifyRequest {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(text, "text");
  }
}
