package dev.switchboard.engine.booking;

import java.time.Instant;
import java.util.Objects;

/** A free interval of the calendar: {@code start} inclusive, {@code end} exclusive, both UTC instants. */
public record Slot(Instant start, Instant end) {
  public Slot {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("a slot ends after it starts");
    }
  }
}
