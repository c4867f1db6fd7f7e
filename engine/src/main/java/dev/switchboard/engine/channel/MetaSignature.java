package dev.switchboard.engine.channel;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's {@code X-Hub-Signature-256: sha256=<hex>}: HMAC-SHA256 of the exact bytes received, keyed with the app
 * secret. Meta signs the escaped form it sends, so the body must never be re-serialised before checking.
 */
public final class MetaSignature {
  private static final String PREFIX = "sha256=";

  private MetaSignature() {
  }

  public static boolean verify(String appSecret, byte[] body, String header) {
    if (appSecret == null || header == null || !header.startsWith(PREFIX) || header.length() != PREFIX.length() + 64) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(hmac(appSecret, body), given);
  }

  public static String sign(String appSecret, byte[] body) {
    return PREFIX + HexFormat.of().formatHex(hmac(appSecret, body));
  }

  static byte[] hmac(String secret, byte[] body) {
    return Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), body);
  }

  /** Kept package-private for the Standard Webhooks verifier, which keys with decoded secret bytes. */
  static final class Hmac {
    private Hmac() {
    }

    static byte[] sha256(byte[] key, byte[]... parts) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        for (byte[] part : parts) {
          mac.update(part);
        }
        return mac.doFinal();
      } catch (NoSuchAlgorithmException | InvalidKeyException e) {
        throw new IllegalStateException("HmacSHA256 unavailable", e);
      }
    }
  }
}
