package dev.switchboard.edge.auth;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Resolves the {@link Caller} of every admin request once, in one place: the authenticators are asked in order and
 * the first that recognises the credential decides. No credential, or an invalid one, is a 401.
 */
public final class AdminAuth implements Handler<RoutingContext> {
  private final List<Authenticator> authenticators;

  public AdminAuth(List<Authenticator> authenticators) {
    this.authenticators = List.copyOf(authenticators);
  }

  @Override
  public void handle(RoutingContext ctx) {
    resolve(ctx, 0).onComplete(ar -> {
      String refusal = ar.succeeded() && ar.result() != null
          ? RolePolicy.refusal(ar.result(), ctx.request().method(), ctx.normalizedPath()) : null;
      if (ar.succeeded() && ar.result() != null && refusal == null) {
        ctx.put(Caller.KEY, ar.result());
        ctx.next();
      } else if (ctx.response().ended()) {
        return;
      } else if (refusal != null) {
        ctx.response().setStatusCode(403).putHeader("content-type", "application/json")
            .end(new JsonObject().put("error", "forbidden").put("detail", refusal).encode());
      } else {
        // A console session's reason (expired, header missing) helps the user; a token's failure tells nothing.
        String detail = ar.failed() && ar.cause() instanceof OperatorSessions.Refused r ? r.getMessage()
            : "a valid bearer token is required";
        ctx.response().setStatusCode(401).putHeader("content-type", "application/json")
            .end(new JsonObject().put("error", "unauthorized").put("detail", detail).encode());
      }
    });
  }

  private Future<Caller> resolve(RoutingContext ctx, int index) {
    if (index == authenticators.size()) {
      return Future.succeededFuture(null);
    }
    return authenticators.get(index).authenticate(ctx)
        .compose(caller -> caller != null ? Future.succeededFuture(caller) : resolve(ctx, index + 1));
  }
}
