package dev.switchboard.tenant;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secret values at rest with AES-256-GCM (the JDK's own implementation): a random 96-bit nonce per value,
 * the tenant id as associated data (a value copied to another tenant does not decrypt), the result as
 * {@code enc:v1:<base64(nonce ‖ ciphertext+tag)>}.
 */
public final class SecretBox {
  static final String PREFIX = "enc:v1:";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec key;

  private SecretBox(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /** From {@code secretsKey} (base64 of 32 bytes); a missing key gives null, a malformed one an error. */
  public static SecretBox fromConfig(String base64) {
    if (base64 == null || base64.isBlank()) {
      return null;
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("secretsKey must be base64 of 32 random bytes (openssl rand -base64 32)");
    }
    if (key.length != 32) {
      throw new IllegalArgumentException("secretsKey must be 32 bytes (base64 of 32 random bytes), not " + key.length);
    }
    return new SecretBox(key);
  }

  /** A key for this process only: memory mode keeps nothing across a restart, so nothing needs to decrypt later. */
  public static SecretBox ephemeral() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return new SecretBox(key);
  }

  public String seal(String value, String tenantId) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(tenantId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  public String open(String sealed, String tenantId) {
    if (!sealed.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a sealed value");
    }
    try {
      byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
      cipher.updateAAD(tenantId.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a stored secret of tenant " + tenantId + " does not decrypt with this "
          + "secretsKey (was the key changed?)", e);
    }
  }
}
