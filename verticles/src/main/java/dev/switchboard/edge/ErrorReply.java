package dev.switchboard.edge;

import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.bus.FailureCode;
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

  /**
   * Any failure, answered the one way: the status and error name its {@link FailureCode} declares, its message as
   * the detail (an internal error says only that the request failed), Retry-After when trying again later may help.
   */
  static void failure(RoutingContext ctx, Throwable cause) {
    Failure f = Failure.of(cause);
    FailureCode code = f.code();
    if (code == FailureCode.QUEUE_FULL || code == FailureCode.UNAVAILABLE || code == FailureCode.TIMEOUT) {
      ctx.response().putHeader("Retry-After", "1");
    }
    send(ctx, code.httpStatus(), code.errorName(), code == FailureCode.INTERNAL ? "the request failed" : f.getMessage());
  }

  static void busy(RoutingContext ctx, String detail) {
    ctx.response().putHeader("Retry-After", "1");
    send(ctx, 503, "unavailable", detail);
  }
}
