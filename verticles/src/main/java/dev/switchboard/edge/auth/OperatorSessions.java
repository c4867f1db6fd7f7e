package dev.switchboard.edge.auth;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * Console sessions: {@code Authorization: Bearer sbs_...}, or the {@value #COOKIE} cookie the sign-in sets
 * (HttpOnly, SameSite=Strict). A request authenticated by the cookie that changes something must also carry
 * {@value #CSRF_HEADER}: a form on another site cannot set a header, so the cookie alone never acts.
 */
public final class OperatorSessions implements Authenticator {
  public static final String COOKIE = "sb_session";
  public static final String CSRF_HEADER = "X-Requested-With";
  private static final Pattern SHAPE = Pattern.compile("^sbs_[A-Za-z0-9_-]{43}$");
  private final Operators operators;

  /** A session credential that is not accepted; its message is safe to show the user. */
  public static final class Refused extends SecurityException {
    Refused(String message) {
      super(message);
    }
  }

  public OperatorSessions(Operators operators) {
    this.operators = operators;
  }

  /** The session token of this request (header first, then cookie), or null. */
  public static String token(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null) {
      return header.startsWith("Bearer sbs_") ? header.substring("Bearer ".length()) : null;
    }
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return cookie == null ? null : cookie.getValue();
  }

  @Override
  public Future<Caller> authenticate(RoutingContext ctx) {
    String token = token(ctx);
    if (token == null) {
      return Future.succeededFuture(null);
    }
    if (!SHAPE.matcher(token).matches()) {
      return Future.failedFuture(new Refused("malformed session token"));
    }
    HttpMethod method = ctx.request().method();
    boolean fromCookie = ctx.request().getHeader("Authorization") == null;
    if (fromCookie && method != HttpMethod.GET && method != HttpMethod.HEAD && ctx.request().getHeader(CSRF_HEADER) == null) {
      return Future.failedFuture(new Refused("a cookie-authenticated change needs the " + CSRF_HEADER
          + " header"));
    }
    return operators.resolve(token).compose(operator -> operator == null
        ? Future.failedFuture(new Refused("session expired or signed out")) : Future.succeededFuture(
        Operators.caller(operator)));
  }
}
