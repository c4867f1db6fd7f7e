package dev.switchboard.config;

/** The HTTP edge: where it listens and what it accepts. */
public record HttpConfig(String host, int port, int instances, long bodyLimitBytes, int maxJsonDepth,
                         int maxInFlight, long ingestTimeoutMs) {
  public HttpConfig {
    host = host == null ? "127.0.0.1" : host;
    port = port == 0 ? 8080 : port;
    instances = instances <= 0 ? 2 : instances;
    bodyLimitBytes = bodyLimitBytes <= 0 ? 3L * 1024 * 1024 : bodyLimitBytes;
    maxJsonDepth = maxJsonDepth <= 0 ? 32 : maxJsonDepth;
    maxInFlight = maxInFlight <= 0 ? 2048 : maxInFlight;
    ingestTimeoutMs = ingestTimeoutMs <= 0 ? 5000 : ingestTimeoutMs;
  }

  public HttpConfig withPort(int newPort) {
    return new HttpConfig(host, newPort, instances, bodyLimitBytes, maxJsonDepth, maxInFlight, ingestTimeoutMs);
  }
}
