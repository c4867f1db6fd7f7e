package dev.switchboard.engine.outbound;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The classified outcome of one provider call. Reasons are short codes ("whatsapp 131047 re-engagement",
 * "http 503") — never personal data or message text, since they are logged and shown in the admin API.
 */
public sealed interface SendResult {

  /** Accepted by the provider. {@code canonicalRecipient}: the id the provider says it delivered to, if any. */
  record Sent(String providerMessageId, String canonicalRecipient) implements SendResult {
  }

  /** Worth retrying; {@code retryAfter} is the provider's own hint when it gave one. */
  record Transient(String reason, Duration retryAfter) implements SendResult {
    public static final String RECIPIENT_AWAY = "webchat visitor offline";
    /** HTTP 429 and the providers' own rate-limit codes (WhatsApp 130429, 131056, 80007; Graph 4, 17, 32, 613). */
    private static final Pattern THROTTLING =
        Pattern.compile("\\b(429|130429|131056|80007)\\b|^graph (4|17|32|613)$");

    /**
     * The provider asked us to slow down: not an outage. Backoff and Retry-After handle it; a circuit breaker must
     * not count it, or a busy sender's first few 429s would stop all its traffic for the reset period.
     */
    public boolean throttled() {
      return reason != null && THROTTLING.matcher(reason).find();
    }

    /** The recipient is not there right now (a web chat visitor away): nothing wrong with the sender either. */
    public boolean recipientAway() {
      return RECIPIENT_AWAY.equals(reason);
    }
  }

  /** Retrying cannot help. */
  record Permanent(String reason) implements SendResult {
  }
}
