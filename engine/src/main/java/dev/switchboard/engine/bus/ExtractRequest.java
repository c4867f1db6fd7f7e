package dev.switchboard.engine.bus;

import java.util.Objects;

/**
 * Anyone → AI: extract the tenant's schema fields from a text. Replied with an {@code Extraction}. {@code now}
 * (ISO-8601 with offset, optional) is what relative dates ("amanhã") resolve against; the clock when absent.
 */
public record ExtractRequest(String tenantId, String text, String now) implements BusMessage {
  public ExtractRequest(String tenantId, String text) {
    this(tenantId, text, null);
  }

  public ExtractRequest {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(text, "text");
  }
}
