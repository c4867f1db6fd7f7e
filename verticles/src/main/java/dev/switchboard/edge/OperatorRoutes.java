package dev.switchboard.edge;

import dev.switchboard.config.TenantDirectory;
import dev.switchboard.edge.auth.Caller;
import dev.switchboard.edge.auth.OperatorSessions;
import dev.switchboard.edge.auth.Operators;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.store.Operator;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Console sign-in and operators: {@code POST /admin/v1/auth/login} (the only admin route without a credential),
 * logout, {@code GET /admin/v1/me}, and operators managed by an admin within their own tenants.
 */
final class OperatorRoutes {
  private static final int MIN_PASSWORD = 10;
  private final Operators operators;
  private final TenantDirectory directory;
  private final Clock clock;

  OperatorRoutes(Operators operators, TenantDirectory directory, Clock clock) {
    this.operators = operators;
    this.directory = directory;
    this.clock = clock;
  }

  /** Before the admin credential check: signing in is how a person gets a credential. */
  void mountLogin(Router router) {
    router.post("/admin/v1/auth/login").handler(BodyHandler.create(false).setBodyLimit(4 * 1024)).handler(this::login);
  }

  void mount(Router router) {
    router.post("/admin/v1/auth/logout").handler(this::logout);
    router.get("/admin/v1/me").handler(this::me);
    router.get("/admin/v1/operators").handler(this::list);
    router.post("/admin/v1/operators").handler(ctx -> write(ctx, null));
    router.put("/admin/v1/operators/:username").handler(ctx -> write(ctx, ctx.pathParam("username")));
    router.delete("/admin/v1/operators/:username").handler(this::delete);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = json(ctx);
    String username = body == null ? null : body.getString("username");
    String password = body == null ? null : body.getString("password");
    if (username == null || password == null || username.isBlank() || password.isEmpty()) {
      ErrorReply.send(ctx, 400, "bad_request", "body must be {\"username\": ..., \"password\": ...}");
      return;
    }
    operators.login(username.strip().toLowerCase(Locale.ROOT), password.toCharArray(),
        ctx.request().remoteAddress().hostAddress()).onComplete(ar -> {
          if (ar.succeeded()) {
            Operators.SignedIn in = ar.result();
            boolean https = ctx.request().isSSL() || "https".equals(ctx.request().getHeader("X-Forwarded-Proto"));
            ctx.response().addCookie(Cookie.cookie(OperatorSessions.COOKIE, in.token()).setPath("/admin/v1")
                .setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(https)
                .setMaxAge(Operators.SESSION_TTL.toSeconds()));
            ctx.json(new JsonObject().put("token", in.token()).put("expiresAt", in.expiresAt().toString())
                .put("operator", view(in.operator())));
          } else if (ar.cause() instanceof Operators.TooManyAttempts t) {
            ctx.response().putHeader("Retry-After", String.valueOf(Math.max(1, t.retryAfter().toSeconds())));
            ErrorReply.send(ctx, 429, "too_many_requests", "too many sign-in attempts; try again later");
          } else if (ar.cause() instanceof SecurityException) {
            ErrorReply.send(ctx, 401, "unauthorized", "wrong username or password");
          } else {
            ErrorReply.failure(ctx, ar.cause());
          }
        });
  }

  private void logout(RoutingContext ctx) {
    String token = OperatorSessions.token(ctx);
    Future<Void> done = token == null ? Future.succeededFuture() : operators.logout(token);
    done.onComplete(ar -> {
      ctx.response().addCookie(Cookie.cookie(OperatorSessions.COOKIE, "").setPath("/admin/v1").setHttpOnly(true)
          .setSameSite(CookieSameSite.STRICT).setMaxAge(0));
      if (ar.succeeded()) {
        ctx.response().setStatusCode(204).end();
      } else {
        ErrorReply.failure(ctx, ar.cause());
      }
    });
  }

  private void me(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    JsonObject me = new JsonObject().put("actor", caller.actor())
        .put("role", caller.role().name().toLowerCase(Locale.ROOT))
        .put("username", caller.actor().startsWith("agent:") ? caller.actor().substring(6) : null);
    JsonArray tenants = new JsonArray();
    directory.tenants().stream().map(t -> t.id()).filter(caller::sees).sorted().forEach(tenants::add);
    AdminHttp.respond(ctx, Future.succeededFuture(me.put("tenants", tenants).put("allTenants", caller.global())));
  }

  private void list(RoutingContext ctx) {
    if (!manager(ctx)) {
      return;
    }
    Caller caller = Caller.of(ctx);
    AdminHttp.respond(ctx, operators.store().list().map(all -> {
      JsonArray items = new JsonArray();
      all.stream().filter(o -> within(caller, o.tenants())).forEach(o -> items.add(view(o)));
      return new JsonObject().put("items", items);
    }));
  }

  /** Creates ({@code username} null: POST) or changes an operator; the password is hashed on a worker thread. */
  private void write(RoutingContext ctx, String username) {
    if (!manager(ctx)) {
      return;
    }
    JsonObject body = json(ctx);
    if (body == null) {
      ErrorReply.send(ctx, 400, "bad_request", "body must be a JSON object");
      return;
    }
    Caller caller = Caller.of(ctx);
    String name = username != null ? username : body.getString("username");
    String password = body.getString("password");
    Set<String> tenants = new HashSet<>();
    body.getJsonArray("tenants", new JsonArray()).forEach(t -> tenants.add(String.valueOf(t)));
    String bad = password == null && username == null ? "password is required"
        : password != null && password.length() < MIN_PASSWORD ? "password needs at least " + MIN_PASSWORD + " characters"
        : tenants.stream().filter(t -> directory.tenant(t).isEmpty()).findFirst().map(t -> "unknown tenant " + t)
        .orElse(null);
    if (bad != null) {
      ErrorReply.send(ctx, 400, "bad_request", bad);
      return;
    }
    if (!within(caller, tenants)) {
      ErrorReply.send(ctx, 403, "forbidden", "an admin gives access only to their own tenants");
      return;
    }
    AdminHttp.respond(ctx, username == null ? 201 : 200, operators.store().find(name).compose(existing -> {
      if (username == null && existing != null) {
        return Future.failedFuture(Failure.conflict("operator " + name + " exists"));
      }
      if (username != null && (existing == null || !within(caller, existing.tenants()))) {
        return Future.failedFuture(Failure.notFound("no operator " + name));
      }
      Operator checked;
      try {
        checked = new Operator(name, "pending", body.containsKey("role") || existing == null
            ? Operator.Role.of(String.valueOf(body.getString("role"))) : existing.role(),
            tenants.isEmpty() && existing != null ? existing.tenants() : tenants, "api",
            existing != null ? existing.createdAt() : clock.instant());
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(Failure.badRequest(e.getMessage()));
      }
      Future<String> hash = password != null ? operators.hash(password.toCharArray())
          : Future.succeededFuture(existing.passwordHash());
      return hash.compose(h -> {
        Operator o = new Operator(name, h, checked.role(), checked.tenants(), "api", checked.createdAt());
        return operators.store().put(o).map(v -> view(o));
      });
    }));
  }

  private void delete(RoutingContext ctx) {
    if (!manager(ctx)) {
      return;
    }
    Caller caller = Caller.of(ctx);
    String name = ctx.pathParam("username");
    operators.store().find(name).compose(o -> o == null || !within(caller, o.tenants()) ? Future.succeededFuture(false)
        : operators.store().delete(name)).onComplete(ar -> {
          if (ar.failed()) {
            ErrorReply.failure(ctx, ar.cause());
          } else if (ar.result()) {
            ctx.response().setStatusCode(204).end();
          } else {
            ErrorReply.send(ctx, 404, "not_found", "no operator " + name);
          }
        });
  }

  /** Operators are managed by the service operator and by admins (an agent never gets here: RolePolicy). */
  private static boolean manager(RoutingContext ctx) {
    Caller.Role role = Caller.of(ctx).role();
    if (role == Caller.Role.OPERATOR || role == Caller.Role.ADMIN) {
      return true;
    }
    ErrorReply.send(ctx, 403, "forbidden", "operators are managed by an admin");
    return false;
  }

  private static boolean within(Caller caller, Set<String> tenants) {
    return tenants.stream().allMatch(caller::sees);
  }

  static JsonObject view(Operator o) {
    return new JsonObject().put("username", o.username()).put("role", o.role().wire())
        .put("tenants", new JsonArray(o.tenants().stream().sorted().toList())).put("source", o.source())
        .put("createdAt", o.createdAt().toString());
  }

  private static JsonObject json(RoutingContext ctx) {
    try {
      return ctx.body().length() > 0 ? ctx.body().asJsonObject() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
