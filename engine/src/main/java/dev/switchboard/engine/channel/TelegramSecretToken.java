package dev.switchboard.engine.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Telegram's {@code X-Telegram-Bot-Api-Secret-Token}: a shared secret (not an HMAC), compared in constant time. */
public final class TelegramSecretToken {
  private TelegramSecretToken() {
  }

  public static boolean matches(String expected, String header) {
    if (expected == null || expected.isEmpty() || header == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
  }
}
