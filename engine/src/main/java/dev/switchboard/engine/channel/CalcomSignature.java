package dev.switchboard.engine.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Cal.com's {@code X-Cal-Signature-256: <hex>}: HMAC-SHA256 of the exact bytes received, keyed with the webhook's
 * secret (no prefix, unlike Meta's). Checked over the raw body, never a re-serialised one.
 */
public final class CalcomSignature {
  public static final String HEADER = "X-Cal-Signature-256";

  private CalcomSignature() {
  }

  public static boolean verify(String secret, byte[] body, String header) {
    if (secret == null || header == null || header.length() != 64) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(MetaSignature.Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), body), given);
  }

  public static String sign(String secret, byte[] body) {
    return HexFormat.of().formatHex(MetaSignature.Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), body));
  }
}
