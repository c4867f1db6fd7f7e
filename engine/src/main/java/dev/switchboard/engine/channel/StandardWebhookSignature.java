package dev.switchboard.engine.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Standard Webhooks v1 (symmetric): {@code webhook-signature} holds space-separated {@code v1,<base64>} entries,
 * each an HMAC-SHA256 of {@code id.timestamp.body} keyed with the base64 part of {@code whsec_...}. Any one
 * matching v1 entry passes (key rotation); other versions are skipped. The timestamp must be within the
 * tolerance in both directions, which stops replays of old captures.
 */
public final class StandardWebhookSignature {

  public enum Result { OK, MISSING_HEADERS, BAD_TIMESTAMP, TIMESTAMP_OUT_OF_TOLERANCE, BAD_SIGNATURE }

  private static final String SECRET_PREFIX = "whsec_";
  private final byte[] key;
  private final Clock clock;
  private final Duration tolerance;

  public StandardWebhookSignature(String secret, Clock clock, Duration tolerance) {
    if (secret == null) {
      throw new IllegalArgumentException("signing secret missing");
    }
    String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    this.key = Base64.getDecoder().decode(encoded);
    this.clock = clock;
    this.tolerance = tolerance;
  }

  public Result verify(String msgId, String timestamp, String signatureHeader, byte[] body) {
    if (msgId == null || timestamp == null || signatureHeader == null) {
      return Result.MISSING_HEADERS;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return Result.BAD_TIMESTAMP;
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - seconds) > tolerance.getSeconds()) {
      return Result.TIMESTAMP_OUT_OF_TOLERANCE;
    }
    byte[] expected = mac(msgId, seconds, body);
    boolean match = false;
    for (String entry : signatureHeader.trim().split(" +")) {
      if (!entry.startsWith("v1,")) {
        continue;
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(entry.substring(3));
      } catch (IllegalArgumentException e) {
        continue;
      }
      // No early exit: every entry is compared, so timing does not reveal which one matched.
      match |= MessageDigest.isEqual(expected, given);
    }
    return match ? Result.OK : Result.BAD_SIGNATURE;
  }

  public String sign(String msgId, long timestampSeconds, byte[] body) {
    return "v1," + Base64.getEncoder().encodeToString(mac(msgId, timestampSeconds, body));
  }

  private byte[] mac(String msgId, long timestamp, byte[] body) {
    byte[] prefix = (msgId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    return MetaSignature.Hmac.sha256(key, prefix, body);
  }
}
