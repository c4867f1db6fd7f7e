package dev.switchboard.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.store.StoredTenant;
import dev.switchboard.engine.store.TenantConfigStore;
import dev.switchboard.tenant.ConfigReloader;
import dev.switchboard.tenant.ScheduleDefinitions;
import dev.switchboard.tenant.TenantSecrets;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * {@code /admin/v1/tenants}: tenants provisioned through the API, for the operator of the service. A tenant is
 * the same JSON as a tenant in the configuration file, checked the same way; its secrets are write-only (sealed at
 * rest, answered as {@code ***}). Every change rebuilds the tenant directory on every node at once (the
 * configuration-reload broadcast), so a new channel's webhooks work without a restart. Tenants defined in the file
 * are changed in the file (409 here).
 */
final class TenantRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TenantConfigStore store;
  private final ConfigReloader reloader;
  private final Clock clock;

  TenantRoutes(TenantConfigStore store, ConfigReloader reloader, Clock clock) {
    this.store = store;
    this.reloader = reloader;
    this.clock = clock;
  }

  void mount(Router router) {
    router.post("/admin/v1/tenants").handler(ctx -> write(ctx, null));
    router.get("/admin/v1/tenants/:tenant").handler(this::get);
    router.put("/admin/v1/tenants/:tenant").handler(ctx -> write(ctx, ctx.pathParam("tenant")));
    router.delete("/admin/v1/tenants/:tenant").handler(this::delete);
    router.post("/admin/v1/tenants/:tenant/disable").handler(ctx -> enable(ctx, false));
    router.post("/admin/v1/tenants/:tenant/enable").handler(ctx -> enable(ctx, true));
  }

  private void write(RoutingContext ctx, String pathId) {
    if (!AdminHttp.operatorOnly(ctx)) {
      return;
    }
    ObjectNode body;
    try {
      JsonNode parsed = JSON.readTree(ctx.body().asString());
      if (!(parsed instanceof ObjectNode object)) {
        throw new IllegalArgumentException("body must be a tenant object, as in the configuration file");
      }
      body = object;
      if (pathId != null) {
        if (body.hasNonNull("id") && !pathId.equals(body.get("id").asText())) {
          throw new IllegalArgumentException("id in the body differs from the path");
        }
        body.put("id", pathId);
      }
      String id = body.path("id").asText("");
      if (!ScheduleDefinitions.ID.matcher(id).matches()) {
        throw new IllegalArgumentException("id must be 1-64 characters: lower-case letters, digits, '-' or '_'");
      }
      if (reloader.inFile(id)) {
        ErrorReply.send(ctx, 409, "conflict", "tenant " + id + " is defined in the configuration file; change it "
            + "there");
        return;
      }
      if (TenantSecrets.hasSecrets(body) && reloader.secrets() == null) {
        ErrorReply.send(ctx, 400, "bad_request", "this tenant has secrets and no secretsKey is configured "
            + "(SB_SECRETS_KEY: base64 of 32 random bytes) to store them encrypted");
        return;
      }
      reloader.check(body);
    } catch (Exception e) {
      ErrorReply.send(ctx, 400, "bad_request", e.getMessage());
      return;
    }
    String id = body.get("id").asText();
    JsonNode sealed = reloader.secrets() == null ? body : TenantSecrets.seal(body, reloader.secrets(), id);
    boolean create = pathId == null;
    StoredTenant stored = new StoredTenant(id, sealed.toString(), false, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    Future<JsonObject> done = (create ? Future.succeededFuture((StoredTenant) null) : store.get(id))
        .compose(existing -> store.put(existing == null ? stored
            : new StoredTenant(id, stored.json(), existing.disabled(), stored.updatedAt()), create))
        .compose(written -> written ? reloader.reloadEverywhere().map(n -> answer(stored.json(), id, false, "api"))
            : Future.failedFuture(Failure.conflict("tenant " + id + " exists; PUT replaces it")));
    AdminHttp.respond(ctx, create ? 201 : 200, done);
  }

  private void get(RoutingContext ctx) {
    if (!AdminHttp.operatorOnly(ctx)) {
      return;
    }
    String id = ctx.pathParam("tenant");
    if (reloader.inFile(id)) {
      AdminHttp.respond(ctx, Future.succeededFuture(new JsonObject().put("id", id).put("origin", "config")
          .put("disabled", false)));
      return;
    }
    AdminHttp.respond(ctx, existing(id).map(t -> answer(t.json(), id, t.disabled(), "api")));
  }

  private void delete(RoutingContext ctx) {
    if (!AdminHttp.operatorOnly(ctx)) {
      return;
    }
    String id = ctx.pathParam("tenant");
    if (reloader.inFile(id)) {
      ErrorReply.send(ctx, 409, "conflict", "tenant " + id + " is defined in the configuration file; remove it there");
      return;
    }
    AdminHttp.respond(ctx, existing(id).compose(t -> store.delete(id))
        .compose(deleted -> reloader.reloadEverywhere().map(n -> new JsonObject().put("deleted", deleted))));
  }

  /** Disabling keeps the tenant (and its data) but stops serving it: its webhooks answer 404 like an unknown id. */
  private void enable(RoutingContext ctx, boolean on) {
    if (!AdminHttp.operatorOnly(ctx)) {
      return;
    }
    String id = ctx.pathParam("tenant");
    if (reloader.inFile(id)) {
      ErrorReply.send(ctx, 409, "conflict", "tenant " + id + " is defined in the configuration file");
      return;
    }
    AdminHttp.respond(ctx, existing(id).compose(t -> store.put(new StoredTenant(id, t.json(), !on,
            clock.instant().truncatedTo(ChronoUnit.MILLIS)), false))
        .compose(v -> reloader.reloadEverywhere())
        .compose(v -> existing(id)).map(t -> answer(t.json(), id, t.disabled(), "api")));
  }

  private Future<StoredTenant> existing(String id) {
    return store.get(id).compose(t -> t != null ? Future.succeededFuture(t)
        : Future.failedFuture(Failure.notFound("no provisioned tenant " + id)));
  }

  private static JsonObject answer(String json, String id, boolean disabled, String origin) {
    try {
      return new JsonObject().put("id", id).put("origin", origin).put("disabled", disabled)
          .put("config", new JsonObject(TenantSecrets.mask(JSON.readTree(json)).toString()));
    } catch (Exception e) {
      throw new IllegalStateException("stored tenant " + id + " is not JSON", e);
    }
  }
}
