package dev.switchboard.edge;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Every error the edge returns has the same JSON body: {@code {"error": code, "detail": text}}. */
final class ErrorReply {
  private ErrorReply() {
  }

  static void send(RoutingContext ctx, int status, String code, String detail) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(new JsonObject().put("error", code).put("detail", detail).encode());
  }

  static void busy(RoutingContext ctx, String detail) {
    ctx.response().putHeader("Retry-After", "1");
    send(ctx, 503, "unavailable", detail);
  }
}
