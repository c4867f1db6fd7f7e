package dev.switchboard.edge;

import dev.switchboard.automation.IntegrationActions;
import dev.switchboard.config.MailboxConfig;
import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.edge.auth.Caller;
import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import dev.switchboard.engine.automation.MailSource;
import dev.switchboard.engine.automation.StepTemplates;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.store.IntegrationStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /admin/v1/integrations}: the records the automations made from mail (list with filters, one with its log),
 * retry of a FAILED one, resolve of a REQUIRES_REVIEW one; {@code /admin/v1/automations}: a tenant's rules and
 * mailboxes as configured (without passwords). A record of a tenant the caller does not see is "not found".
 */
final class IntegrationRoutes {
  private final TenantDirectory directory;
  private final IntegrationActions actions;
  private final IntegrationStore store;

  IntegrationRoutes(TenantDirectory directory, IntegrationActions actions) {
    this.directory = directory;
    this.actions = actions;
    this.store = actions.store();
  }

  void mount(Router router) {
    router.get("/admin/v1/integrations").handler(this::list);
    router.get("/admin/v1/integrations/:id").handler(ctx -> found(ctx).onSuccess(r -> {
      if (r != null) {
        AdminHttp.respond(ctx, Future.succeededFuture(full(r)));
      }
    }));
    router.post("/admin/v1/integrations/:id/retry").handler(ctx -> found(ctx).onSuccess(r -> {
      if (r != null) {
        AdminHttp.respond(ctx, 202, actions.retry(r, AdminHttp.actor(ctx, null)).map(IntegrationRoutes::full));
      }
    }));
    router.post("/admin/v1/integrations/:id/resolve").handler(this::resolve);
    router.get("/admin/v1/automations").handler(this::automations);
  }

  private void list(RoutingContext ctx) {
    String tenant = AdminHttp.tenantFilter(ctx, ctx.request().getParam("tenant"));
    if (ctx.response().ended()) {
      return;
    }
    IntegrationStatus status = AdminHttp.enumParam(ctx, "status", IntegrationStatus.class);
    if (ctx.response().ended()) {
      return;
    }
    Instant from;
    Instant to;
    try {
      from = instant(ctx.request().getParam("from"));
      to = instant(ctx.request().getParam("to"));
    } catch (DateTimeParseException e) {
      ErrorReply.send(ctx, 400, "bad_request", "from and to are ISO-8601 instants, e.g. 2026-12-01T00:00:00Z");
      return;
    }
    AdminHttp.respond(ctx, store.list(new IntegrationStore.Query(tenant, status, from, to, AdminHttp.limit(ctx)))
        .map(list -> {
          JsonArray items = new JsonArray();
          list.forEach(r -> items.add(summary(r)));
          return new JsonObject().put("items", items);
        }));
  }

  private void resolve(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    JsonObject data = body == null ? null : body.getJsonObject("data");
    if (data == null) {
      ErrorReply.send(ctx, 400, "bad_request", "body must be {\"data\": {...}} with the corrected fields");
      return;
    }
    JsonObject actorBody = body;
    found(ctx).onSuccess(r -> {
      if (r == null) {
        return;
      }
      List<String> errors = actions.check(r, data.getMap());
      if (!errors.isEmpty()) {
        ctx.response().setStatusCode(422).putHeader("content-type", "application/json")
            .end(new JsonObject().put("error", "invalid_data").put("detail", "data does not match the tenant's "
                + "extraction schema").put("errors", new JsonArray(errors)).encode());
        return;
      }
      AdminHttp.respond(ctx, actions.resolve(r, data.getMap(), AdminHttp.actor(ctx, actorBody))
          .map(IntegrationRoutes::full));
    });
  }

  private void automations(RoutingContext ctx) {
    String tenantId = AdminHttp.tenant(ctx, ctx.request().getParam("tenant"));
    if (tenantId == null) {
      return;
    }
    TenantConfig tenant = directory.tenant(tenantId).orElse(null);
    if (tenant == null) {
      ErrorReply.send(ctx, 404, "not_found", "no tenant " + tenantId);
      return;
    }
    List<Future<JsonObject>> mailboxes = new ArrayList<>();
    for (MailboxConfig m : tenant.mailboxes()) {
      JsonObject box = new JsonObject().put("id", m.id()).put("type", m.type()).put("host", m.host())
          .put("port", m.port()).put("tls", m.tls()).put("startTls", m.startTls()).put("folder", m.folder())
          .put("pollMs", m.pollMs()).put("idle", m.idle());
      mailboxes.add(actions.mailboxes().get(m.id()).map(state -> state == null ? box : box
          .put("uidValidity", state.uidValidity()).put("lastUid", state.lastUid()).put("polledBy", state.owner())
          .put("leaseUntil", state.leaseUntil() == null ? null : state.leaseUntil().toString())));
    }
    JsonArray rules = new JsonArray();
    tenant.automations().forEach(a -> rules.add(JsonObject.mapFrom(a)));
    AdminHttp.respond(ctx, Future.all(mailboxes).map(all -> new JsonObject().put("tenant", tenant.id())
        .put("mailboxes", new JsonArray(all.list())).put("automations", rules)));
  }

  /** The record in the path if the caller sees its tenant; otherwise the 404 is sent and null given. */
  private Future<IntegrationRecord> found(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    return store.get(id).map(r -> {
      if (r == null || !Caller.of(ctx).sees(r.tenantId())) {
        ErrorReply.send(ctx, 404, "not_found", "no integration " + id);
        return null;
      }
      return r;
    }).onFailure(e -> ErrorReply.failure(ctx, Failure.of(e)));
  }

  private static Instant instant(String value) {
    return value == null || value.isBlank() ? null : Instant.parse(value);
  }

  private static JsonObject summary(IntegrationRecord r) {
    MailSource mail = MailSource.parse(r.source());
    return new JsonObject().put("id", r.id()).put("tenant", r.tenantId()).put("channel", r.channelId())
        .put("automation", r.ruleId()).put("status", r.status().name()).put("step", r.step())
        .put("contact", r.contact()).put("subject", mail.subject()).put("errors", new JsonArray(r.errors()))
        .put("createdAt", r.createdAt().toString()).put("updatedAt", r.updatedAt().toString());
  }

  private static JsonObject full(IntegrationRecord r) {
    JsonArray log = new JsonArray();
    r.log().forEach(e -> log.add(new JsonObject().put("step", e.step()).put("stepType", e.stepType())
        .put("attempt", e.attempt()).put("at", e.at().toString()).put("outcome", e.outcome()).put("error", e.error())
        .put("externalId", e.externalId())));
    return summary(r).put("sourceId", r.sourceId()).put("source", new JsonObject(r.source()))
        .put("data", new JsonObject(StepTemplates.fields(r.data()))).put("waitingOn", r.waitingOn())
        .put("version", r.version()).put("log", log);
  }
}
