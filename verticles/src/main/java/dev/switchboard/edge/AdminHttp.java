package dev.switchboard.edge;

import dev.switchboard.engine.bus.FailureCode;
import dev.switchboard.engine.event.ConversationKey;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** Small helpers the admin route classes share: parameters, and one way to answer a future. */
final class AdminHttp {
  static final int MAX_LIMIT = 500;

  private AdminHttp() {
  }

  static ConversationKey keyParam(RoutingContext ctx) {
    try {
      return ConversationKey.parse(ctx.pathParam("key"));
    } catch (IllegalArgumentException e) {
      ErrorReply.send(ctx, 400, "bad_request", e.getMessage());
      return null;
    }
  }

  static <E extends Enum<E>> E enumParam(RoutingContext ctx, String name, Class<E> type) {
    String value = ctx.request().getParam(name);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      ErrorReply.send(ctx, 400, "bad_request", "unknown " + name + ": " + value);
      return null;
    }
  }

  static int limit(RoutingContext ctx) {
    try {
      return Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(ctx.request().getParam("limit", "100"))));
    } catch (NumberFormatException e) {
      return 100;
    }
  }

  static void respond(RoutingContext ctx, Future<JsonObject> result) {
    respond(ctx, 200, result);
  }

  static void respond(RoutingContext ctx, int status, Future<JsonObject> result) {
    result.onComplete(ar -> {
      if (ar.succeeded()) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(ar.result().encode());
      } else if (ar.cause() instanceof ReplyException re
          && FailureCode.fromCode(re.failureCode()) == FailureCode.NOT_FOUND) {
        ErrorReply.send(ctx, 404, "not_found", "no such conversation");
      } else {
        ErrorReply.send(ctx, 503, "unavailable", "the request could not be completed");
      }
    });
  }
}
