package dev.switchboard.edge;

import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.edge.auth.Caller;
import dev.switchboard.edge.auth.TenantApiTokens;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.store.ApiToken;
import dev.switchboard.engine.store.ApiTokenStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * {@code /admin/v1/tenants/{tenant}/tokens}: API tokens scoped to one tenant, for the tenant's own automation. The
 * operator (or a console admin of the tenant) creates one — the token is in that answer only —, lists them without
 * secrets, and revokes them. A tenant token cannot mint or revoke tokens: a leaked one cannot make more.
 */
final class TokenRoutes {
  private static final int MAX_NAME = 100;
  private final TenantDirectory directory;
  private final ApiTokenStore tokens;
  private final Clock clock;

  TokenRoutes(TenantDirectory directory, ApiTokenStore tokens, Clock clock) {
    this.directory = directory;
    this.tokens = tokens;
    this.clock = clock;
  }

  void mount(Router router) {
    router.get("/admin/v1/tenants/:tenant/tokens").handler(this::list);
    router.post("/admin/v1/tenants/:tenant/tokens").handler(this::create);
    router.delete("/admin/v1/tenants/:tenant/tokens/:id").handler(this::revoke);
  }

  /** The tenant in the path when the caller may manage its tokens; otherwise the 403/404 is sent. */
  private TenantConfig manageable(RoutingContext ctx) {
    TenantConfig tenant = AdminHttp.tenantParam(ctx, directory);
    if (tenant == null) {
      return null;
    }
    Caller.Role role = Caller.of(ctx).role();
    if (role != Caller.Role.OPERATOR && role != Caller.Role.ADMIN) {
      ErrorReply.send(ctx, 403, "forbidden", "only the operator or a tenant admin manages API tokens");
      return null;
    }
    return tenant;
  }

  private void list(RoutingContext ctx) {
    TenantConfig tenant = manageable(ctx);
    if (tenant == null) {
      return;
    }
    AdminHttp.respond(ctx, tokens.list(tenant.id()).map(list -> {
      JsonArray items = new JsonArray();
      list.forEach(t -> items.add(json(t)));
      return new JsonObject().put("items", items);
    }));
  }

  private void create(RoutingContext ctx) {
    TenantConfig tenant = manageable(ctx);
    if (tenant == null) {
      return;
    }
    JsonObject body = ctx.body().asJsonObject();
    String name = body == null ? null : body.getString("name");
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      ErrorReply.send(ctx, 400, "bad_request", "name is required (1-" + MAX_NAME + " characters), e.g. \"erp\"");
      return;
    }
    var minted = TenantApiTokens.mint(tenant.id(), name, Caller.of(ctx).actor(),
        clock.instant().truncatedTo(ChronoUnit.MILLIS));
    AdminHttp.respond(ctx, 201, tokens.add(minted.stored())
        .map(v -> json(minted.stored()).put("token", minted.token())));
  }

  private void revoke(RoutingContext ctx) {
    TenantConfig tenant = manageable(ctx);
    if (tenant == null) {
      return;
    }
    String id = ctx.pathParam("id");
    AdminHttp.respond(ctx, tokens.revoke(tenant.id(), id, clock.instant().truncatedTo(ChronoUnit.MILLIS))
        .compose(done -> done ? Future.succeededFuture(new JsonObject().put("revoked", true))
            : Future.failedFuture(Failure.notFound("no active token " + id + " for tenant "
            + tenant.id()))));
  }

  private static JsonObject json(ApiToken t) {
    return new JsonObject().put("id", t.id()).put("tenant", t.tenantId()).put("name", t.name())
        .put("createdBy", t.createdBy()).put("createdAt", t.createdAt().toString())
        .put("revokedAt", t.revokedAt() == null ? null : t.revokedAt().toString());
  }
}
