package dev.switchboard.engine.schedule;

import java.util.Arrays;
import java.util.Optional;

/**
 * What happens to occurrences missed while no node was running: {@code RUN_ONCE} runs the latest missed one once
 * (however many were missed), {@code SKIP} logs it as SKIPPED and waits for the next.
 */
public enum CatchUp {
  RUN_ONCE("run-once"), SKIP("skip");

  private final String wire;

  CatchUp(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<CatchUp> fromWire(String value) {
    return Arrays.stream(values()).filter(c -> c.wire.equals(value)).findFirst();
  }
}
