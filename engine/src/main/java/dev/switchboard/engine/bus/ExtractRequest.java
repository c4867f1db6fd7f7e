package dev.switchboard.engine.bus;

import java.util.Objects;

/** Anyone → AI: extract the tenant's schema fields from a text. Replied with an {@code Extraction}. */
public record ExtractRequest(String tenantId, String text) implements BusMessage {
  public ExtractRequest {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(text, "text");
  }
}
