package dev.switchboard.edge.auth;

import dev.switchboard.engine.store.ApiToken;
import dev.switchboard.engine.store.ApiTokenStore;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API tokens scoped to one tenant: {@code sbt_<id>_<secret>}, 256 random bits of secret. Only the SHA-256 of the
 * secret is stored: a random 256-bit secret cannot be guessed, so a slow password KDF would only slow every request
 * (GitHub and Stripe keys are stored the same way). A token of this shape that is unknown, revoked or wrong is a 401.
 */
public final class TenantApiTokens implements Authenticator {
  private static final Pattern SHAPE = Pattern.compile("^Bearer sbt_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private final ApiTokenStore store;

  public TenantApiTokens(ApiTokenStore store) {
    this.store = store;
  }

  /** A new token: what is stored, and the token text to show once. */
  public record Minted(ApiToken stored, String token) {
  }

  public static Minted mint(String tenantId, String name, String createdBy, Instant now) {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      id.append(ID_CHARS[RANDOM.nextInt(ID_CHARS.length)]);
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ApiToken stored = new ApiToken(id.toString(), tenantId, name, hash(secretText), createdBy, now, null);
    return new Minted(stored, "sbt_" + id + "_" + secretText);
  }

  static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public Future<Caller> authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    Matcher m = header == null ? null : SHAPE.matcher(header);
    if (m == null || !m.matches()) {
      return Future.succeededFuture(null);
    }
    byte[] presented = hash(m.group(2)).getBytes(StandardCharsets.US_ASCII);
    return store.find(m.group(1)).compose(token -> {
      boolean valid = token != null && !token.revoked()
          && MessageDigest.isEqual(presented, token.secretHash().getBytes(StandardCharsets.US_ASCII));
      return valid ? Future.succeededFuture(new Caller("token:" + token.id(), Caller.Role.TENANT,
          Set.of(token.tenantId()))) : Future.failedFuture(new SecurityException("unknown or revoked token"));
    });
  }
}
