package dev.switchboard.edge;

import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.edge.auth.Caller;
import dev.switchboard.engine.event.ConversationKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** Small helpers the admin route classes share: parameters, and one way to answer a future. */
final class AdminHttp {
  static final int MAX_LIMIT = 500;

  private AdminHttp() {
  }

  /** The conversation in the path, if the caller may see its tenant; otherwise the 400/403 is sent and null returned. */
  static ConversationKey keyParam(RoutingContext ctx) {
    ConversationKey key;
    try {
      key = ConversationKey.parse(ctx.pathParam("key"));
    } catch (IllegalArgumentException e) {
      ErrorReply.send(ctx, 400, "bad_request", e.getMessage());
      return null;
    }
    return allowed(ctx, key.tenantId()) ? key : null;
  }

  /**
   * The tenant a request is about: {@code requested} (a query parameter or body field), or the caller's only tenant
   * when omitted. Sends 400 (none given) or 403 (outside the caller's scope) and returns null otherwise.
   */
  static String tenant(RoutingContext ctx, String requested) {
    Caller caller = Caller.of(ctx);
    String tenant = requested != null ? requested : caller.onlyTenant();
    if (tenant == null) {
      ErrorReply.send(ctx, 400, "bad_request", "tenant is required");
      return null;
    }
    return allowed(ctx, tenant) ? tenant : null;
  }

  /**
   * An optional tenant filter: {@code requested} if the caller may see it; when omitted, every tenant for the
   * operator and the only tenant of a scoped credential. {@code ALL} (null) means no filter; check
   * {@code ctx.response().ended()} after the call.
   */
  static String tenantFilter(RoutingContext ctx, String requested) {
    return requested == null && Caller.of(ctx).global() ? null : tenant(ctx, requested);
  }

  /** Whether the caller may see {@code tenantId}; sends the 403 when not. */
  static boolean allowed(RoutingContext ctx, String tenantId) {
    if (Caller.of(ctx).sees(tenantId)) {
      return true;
    }
    ErrorReply.send(ctx, 403, "forbidden", "tenant " + tenantId + " is outside this credential's scope");
    return false;
  }

  /** The tenant in the path, if it exists and the caller may see it; otherwise the 403/404 is sent. */
  static TenantConfig tenantParam(RoutingContext ctx, TenantDirectory directory) {
    String id = ctx.pathParam("tenant");
    if (!allowed(ctx, id)) {
      return null;
    }
    TenantConfig tenant = directory.tenant(id).orElse(null);
    if (tenant == null) {
      ErrorReply.send(ctx, 404, "not_found", "no tenant " + id);
    }
    return tenant;
  }

  /** Service-wide routes (configuration, every tenant at once) are for the operator token only. */
  static boolean operatorOnly(RoutingContext ctx) {
    if (Caller.of(ctx).global()) {
      return true;
    }
    ErrorReply.send(ctx, 403, "forbidden", "this route acts on the whole service: operator token only");
    return false;
  }

  /** Who an audit entry names: the console user or tenant token, or the agent the operator token speaks for. */
  static String actor(RoutingContext ctx, JsonObject body) {
    Caller caller = Caller.of(ctx);
    if (!caller.global()) {
      return caller.actor();
    }
    return "agent:" + (body == null ? "admin" : body.getString("agent", "admin"));
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
      } else {
        ErrorReply.failure(ctx, ar.cause());
      }
    });
  }
}
