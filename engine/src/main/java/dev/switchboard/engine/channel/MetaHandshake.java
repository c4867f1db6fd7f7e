package dev.switchboard.engine.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Meta's subscription handshake ({@code GET ?hub.mode=subscribe&hub.verify_token=..&hub.challenge=..}): echo the
 * challenge verbatim only when the token matches; never echo it otherwise.
 */
public final class MetaHandshake {

  public record HandshakeResult(int status, String body) {
  }

  private MetaHandshake() {
  }

  public static HandshakeResult check(String mode, String verifyToken, String challenge, String expectedToken) {
    if (mode == null || verifyToken == null || challenge == null || challenge.isEmpty()) {
      return new HandshakeResult(400, null);
    }
    boolean tokenOk = expectedToken != null && MessageDigest.isEqual(
        expectedToken.getBytes(StandardCharsets.UTF_8), verifyToken.getBytes(StandardCharsets.UTF_8));
    if (!"subscribe".equals(mode) || !tokenOk) {
      return new HandshakeResult(403, null);
    }
    return new HandshakeResult(200, challenge);
  }
}
