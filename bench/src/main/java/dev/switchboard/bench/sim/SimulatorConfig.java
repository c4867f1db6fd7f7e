package dev.switchboard.bench.sim;

/**
 * Fault knobs of the provider simulator: added latency, and the share of requests answered 429 (with or without
 * Retry-After), 5xx, or never answered in time (a hang longer than any client timeout).
 */
public record SimulatorConfig(long latencyMs, double p429, double p5xx, double pTimeout, boolean retryAfter) {
  public static SimulatorConfig healthy() {
    return new SimulatorConfig(0, 0, 0, 0, true);
  }
}
