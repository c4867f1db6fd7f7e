package dev.switchboard.engine.bus;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id: created at the edge (or taken from the caller's {@code X-Correlation-Id}), carried in
 * event-bus headers and outbound request headers, and written in every log line about the work it started.
 */
public final class Correlation {
  /** Both the HTTP header and the event-bus header name. */
  public static final String HEADER = "X-Correlation-Id";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private Correlation() {
  }

  /** The caller's id when it is safe to log and forward as is, otherwise a fresh one. */
  public static String fromHeader(String incoming) {
    return incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
  }

  /** The id a bus message carries, or "-" when it carries none (never null in log lines). */
  public static String orNone(String value) {
    return value == null ? "-" : value;
  }
}
