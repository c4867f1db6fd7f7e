package dev.switchboard.edge.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Operator passwords: PBKDF2-HMAC-SHA256 from the JDK, a random 16-byte salt per password, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64). 600,000 iterations is OWASP's figure for this PRF; the
 * count travels with each hash, so raising it later leaves existing hashes valid. Slow on purpose: call it from a
 * worker thread, never the event loop. {@code java -cp switchboard.jar dev.switchboard.edge.auth.PasswordHash}
 * prints the hash of a password read from standard input, for the configuration.
 */
public final class PasswordHash {
  public static final int ITERATIONS = 600_000;
  /** Below this a stored hash is refused outright (a weak hash put in the configuration by hand). */
  static final int MIN_ITERATIONS = 210_000;
  private static final String PREFIX = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int KEY_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {
  }

  public static String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(derive(password, salt, ITERATIONS));
  }

  /** Whether {@code password} matches {@code stored}; compares in constant time. A malformed stored hash is false. */
  public static boolean verify(char[] password, String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    if (parts.length != 4 || !PREFIX.equals(parts[0])) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return iterations >= MIN_ITERATIONS && MessageDigest.isEqual(expected, derive(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Spends the time a real check would, for an unknown username; always false. */
  public static boolean verifyDecoy(char[] password) {
    verify(password, Decoy.HASH);
    return false;
  }

  /**
   * Checked against when the username is unknown, so an unknown name costs as long as a wrong password. Made on first
   * use (a worker thread), not when this class loads (the configuration is checked on the event loop).
   */
  private static final class Decoy {
    static final String HASH = hash("decoy-password-never-valid".toCharArray());
  }

  /** Whether {@code stored} has the shape of a hash this class writes (checked when the configuration loads). */
  public static boolean wellFormed(String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    try {
      return parts.length == 4 && PREFIX.equals(parts[0]) && Integer.parseInt(parts[1]) >= MIN_ITERATIONS
          && Base64.getDecoder().decode(parts[2]).length >= SALT_BYTES
          && Base64.getDecoder().decode(parts[3]).length == KEY_BITS / 8;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    } finally {
      spec.clearPassword();
    }
  }

  public static void main(String[] args) throws IOException {
    byte[] line = System.in.readAllBytes();
    String password = new String(line, StandardCharsets.UTF_8).strip();
    if (password.isEmpty()) {
      System.err.println("usage: echo -n 'password' | java -cp switchboard.jar " + PasswordHash.class.getName());
      System.exit(2);
    }
    char[] chars = password.toCharArray();
    System.out.println(hash(chars));
    Arrays.fill(chars, '\0');
  }
}
