package dev.switchboard.edge.auth;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The service-wide bearer token from configuration ({@code adminToken}): the operator, every tenant. */
public final class OperatorToken implements Authenticator {
  private final byte[] expected;

  public OperatorToken(String token) {
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Future<Caller> authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    // Constant-time: the comparison must not tell how much of a guessed token was right.
    boolean match = header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
    return Future.succeededFuture(match ? Caller.operator("operator") : null);
  }
}
