package dev.switchboard.edge;

import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.ai.extract.Extraction;
import dev.switchboard.engine.ai.knowledge.KnowledgeEntry;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.ClassifyReply;
import dev.switchboard.engine.bus.ClassifyRequest;
import dev.switchboard.engine.bus.ExtractRequest;
import dev.switchboard.engine.bus.KnowledgeChanged;
import dev.switchboard.engine.store.KnowledgeStore;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code /admin/v1/ai}: classify a text as a turn would (guard, intent, confidence, fields), extract a tenant's
 * schema fields, and manage the tenant's knowledge entries (every change makes each node rebuild the tenant's index).
 */
final class AiRoutes {
  private static final long TIMEOUT_MS = 20_000;
  private final Vertx vertx;
  private final TenantDirectory directory;
  private final KnowledgeStore knowledge;

  AiRoutes(Vertx vertx, TenantDirectory directory, KnowledgeStore knowledge) {
    this.vertx = vertx;
    this.directory = directory;
    this.knowledge = knowledge;
  }

  void mount(Router router) {
    router.post("/admin/v1/ai/classify").handler(this::classify);
    router.post("/admin/v1/ai/extract").handler(this::extract);
    router.get("/admin/v1/tenants/:tenant/knowledge").handler(this::listKnowledge);
    router.put("/admin/v1/tenants/:tenant/knowledge/:id").handler(this::putKnowledge);
    router.delete("/admin/v1/tenants/:tenant/knowledge/:id").handler(this::deleteKnowledge);
  }

  /** The body {"tenant", "text", "now"?} checked, or null when a 4xx was sent. */
  private static JsonObject textRequest(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    if (body == null || !(body.getValue("tenant") instanceof String) || !(body.getValue("text") instanceof String)) {
      ErrorReply.send(ctx, 400, "bad_request", "body must be {\"tenant\": ..., \"text\": ..., \"now\": optional}");
      return null;
    }
    Object now = body.getValue("now");
    if (now != null) {
      try {
        OffsetDateTime.parse(String.valueOf(now));
      } catch (DateTimeParseException e) {
        ErrorReply.send(ctx, 400, "bad_request", "now must be an ISO-8601 date-time with an offset, "
            + "e.g. 2026-11-20T10:00:00-03:00");
        return null;
      }
    }
    return AdminHttp.allowed(ctx, body.getString("tenant")) ? body : null;
  }

  private void classify(RoutingContext ctx) {
    JsonObject body = textRequest(ctx);
    if (body == null) {
      return;
    }
    var request = new ClassifyRequest(body.getString("tenant"), body.getString("text"), body.getString("now"));
    AdminHttp.respond(ctx, vertx.eventBus().<ClassifyReply>request(Addresses.AI_CLASSIFY, request,
            new DeliveryOptions().setSendTimeout(TIMEOUT_MS))
        .map(m -> new JsonObject().put("intent", m.body().intent())
            .put("confidence", Math.round(m.body().confidence() * 1000) / 1000.0)
            .put("clarify", m.body().clarify()).put("fields", new JsonObject(m.body().fields()))
            .put("guard", m.body().guard())));
  }

  private void extract(RoutingContext ctx) {
    JsonObject body = textRequest(ctx);
    if (body == null) {
      return;
    }
    var request = new ExtractRequest(body.getString("tenant"), body.getString("text"), body.getString("now"));
    AdminHttp.respond(ctx, vertx.eventBus().<Extraction>request(Addresses.AI_EXTRACT, request,
            new DeliveryOptions().setSendTimeout(TIMEOUT_MS))
        .map(m -> {
          Extraction x = m.body();
          JsonObject out = new JsonObject().put("status", x.status().name()).put("errors", new JsonArray(x.errors()))
              .put("provider", x.provider()).put("attempts", x.attempts());
          try {
            out.put("data", new JsonObject(x.data()));
          } catch (RuntimeException notAnObject) {
            out.put("raw", x.data()); // what the provider answered, kept for the person reviewing it
          }
          return out;
        }));
  }

  private TenantConfig tenantParam(RoutingContext ctx) {
    return AdminHttp.tenantParam(ctx, directory);
  }


  private void listKnowledge(RoutingContext ctx) {
    TenantConfig tenant = tenantParam(ctx);
    if (tenant == null) {
      return;
    }
    AdminHttp.respond(ctx, knowledge.list(tenant.id()).map(stored -> {
      JsonArray items = new JsonArray();
      tenant.knowledge().stream().filter(c -> stored.stream().noneMatch(s -> s.id().equals(c.id())))
          .forEach(e -> items.add(json(e, "config")));
      stored.forEach(e -> items.add(json(e, "api")));
      return new JsonObject().put("items", items);
    }));
  }

  private void putKnowledge(RoutingContext ctx) {
    TenantConfig tenant = tenantParam(ctx);
    if (tenant == null) {
      return;
    }
    KnowledgeEntry entry;
    try {
      JsonObject body = ctx.body().asJsonObject();
      entry = new KnowledgeEntry(ctx.pathParam("id"), body.getString("title"), body.getString("text"));
    } catch (RuntimeException e) {
      ErrorReply.send(ctx, 400, "bad_request", "body must be {\"title\": optional, \"text\": 1 to "
          + KnowledgeEntry.MAX_TEXT + " characters}");
      return;
    }
    AdminHttp.respond(ctx, knowledge.put(tenant.id(), entry).map(v -> {
      vertx.eventBus().publish(Addresses.KNOWLEDGE_CHANGED, new KnowledgeChanged(tenant.id()));
      return json(entry, "api");
    }));
  }

  private void deleteKnowledge(RoutingContext ctx) {
    TenantConfig tenant = tenantParam(ctx);
    if (tenant == null) {
      return;
    }
    String id = ctx.pathParam("id");
    knowledge.delete(tenant.id(), id).onComplete(ar -> {
      if (ar.failed()) {
        ErrorReply.failure(ctx, ar.cause());
      } else if (!ar.result()) {
        // Entries written in configuration change with the configuration, not through the API.
        ErrorReply.send(ctx, 404, "not_found", "no knowledge entry " + id + " managed through the API for tenant "
            + tenant.id());
      } else {
        vertx.eventBus().publish(Addresses.KNOWLEDGE_CHANGED, new KnowledgeChanged(tenant.id()));
        ctx.response().setStatusCode(204).end();
      }
    });
  }

  private static JsonObject json(KnowledgeEntry e, String source) {
    return new JsonObject().put("id", e.id()).put("title", e.title()).put("text", e.text()).put("source", source);
  }
}
