package dev.switchboard.engine.outbound;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Classification shared by the HTTP senders when the provider's body says nothing more specific. */
public final class HttpOutcomes {
  private HttpOutcomes() {
  }

  /** 408, 425, 429 and 5xx are worth retrying; any other 4xx will fail the same way again. */
  public static SendResult byStatus(String provider, int status, Duration hint) {
    boolean retry = status == 408 || status == 425 || status == 429 || status >= 500;
    return retry ? new SendResult.Transient(provider + " http " + status, hint)
        : new SendResult.Permanent(provider + " http " + status);
  }

  /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
  public static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
