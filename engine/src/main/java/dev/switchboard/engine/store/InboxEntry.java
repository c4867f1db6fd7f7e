package dev.switchboard.engine.store;

import dev.switchboard.engine.event.NormalizedEvent;
import java.time.Instant;
import java.util.Objects;

/** An acknowledged inbound event and whether its session step has completed. */
public record InboxEntry(NormalizedEvent event, Instant receivedAt, boolean processed) {
  public InboxEntry {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  public String dedupeKey() {
    return event.dedupeKey();
  }
}
