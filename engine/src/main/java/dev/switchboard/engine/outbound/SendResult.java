package dev.switchboard.engine.outbound;

import java.time.Duration;

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
  }

  /** Retrying cannot help. */
  record Permanent(String reason) implements SendResult {
  }
}
