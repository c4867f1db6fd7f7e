package dev.switchboard.edge;

import java.util.Map;
import java.util.List;
import java.util.HashMap;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.engine.bus.SessionCommand;
import dev.switchboard.tenant.ConfigReloader;
import dev.switchboard.engine.bus.Correlation;
import dev.switchboard.session.SessionGateway;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.outbound.SandboxLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import dev.switchboard.edge.auth.AdminAuth;
import dev.switchboard.edge.auth.Caller;

/** {@code /admin/v1}: conversations, messages, hand-off and hand-back, outbox and sandbox, behind a bearer token. */
final class AdminRoutes {
  private final Vertx vertx;
  private final Stores stores;
  private final SandboxLog sandbox;
  private final AdminAuth auth;
  private final SessionGateway sessions;
  private final ConfigReloader reloader;

  AdminRoutes(Vertx vertx, Stores stores, SandboxLog sandbox, AdminAuth auth, SessionGateway sessions,
              ConfigReloader reloader) {
    this.reloader = reloader;
    this.vertx = vertx;
    this.stores = stores;
    this.sandbox = sandbox;
    this.auth = auth;
    this.sessions = sessions;
  }

  void mount(Router router) {
    // The API description is public (it holds no data) and served before the token check.
    router.get("/admin/v1/openapi.json").handler(ctx -> ctx.response().putHeader("content-type", "application/json")
        .sendFile("openapi/admin-v1.json"));
    router.route("/admin/v1/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024)).handler(auth);
    router.get("/admin/v1/conversations").handler(this::listConversations);
    router.get("/admin/v1/conversations/:key/messages").handler(this::messages);
    router.get("/admin/v1/conversations/:key/audit").handler(this::audit);
    router.post("/admin/v1/conversations/:key/handoff").handler(ctx -> handoff(ctx, true));
    router.post("/admin/v1/conversations/:key/handback").handler(ctx -> handoff(ctx, false));
    router.post("/admin/v1/conversations/:key/close").handler(this::close);
    router.post("/admin/v1/conversations/:key/block").handler(ctx -> block(ctx, true));
    router.post("/admin/v1/conversations/:key/unblock").handler(ctx -> block(ctx, false));
    router.get("/admin/v1/outbox").handler(this::outbox);
    router.get("/admin/v1/tenants").handler(this::tenants);
    router.get("/admin/v1/schedules").handler(this::schedules);
    router.post("/admin/v1/config/reload").handler(this::reload);
    router.get("/admin/v1/sandbox").handler(this::sandbox);
  }

  private void listConversations(RoutingContext ctx) {
    String tenant = AdminHttp.tenant(ctx, ctx.request().getParam("tenant"));
    if (tenant == null) {
      return;
    }
    ConversationState state = AdminHttp.enumParam(ctx, "state", ConversationState.class);
    if (ctx.response().ended()) {
      return;
    }
    boolean flaggedOnly = "true".equals(ctx.request().getParam("flagged"));
    AdminHttp.respond(ctx, stores.conversations().list(tenant, state, AdminHttp.limit(ctx)).map(list -> {
      JsonArray items = new JsonArray();
      list.stream().filter(c -> !flaggedOnly || c.flag() != null).forEach(c -> items.add(new JsonObject()
          .put("key", c.key().asString())
          .put("tenant", c.key().tenantId())
          .put("channel", c.key().channelId())
          .put("contact", c.key().contactId())
          .put("state", c.state().name())
          .put("optedOut", c.optedOut())
          .put("flag", c.flag())
          .put("lastActivityAt", c.lastActivityAt().toString())));
      return new JsonObject().put("items", items);
    }));
  }

  private void messages(RoutingContext ctx) {
    ConversationKey key = AdminHttp.keyParam(ctx);
    if (key == null) {
      return;
    }
    AdminHttp.respond(ctx, stores.conversations().messages(key, AdminHttp.limit(ctx)).compose(turns -> {
      // An outbound message's eventId is its outbox command: its status and the provider's delivery report.
      List<String> ids = turns.stream().filter(t -> t.direction() == Direction.OUTBOUND && t.eventId() != null)
          .map(Turn::eventId).toList();
      return stores.outbox().getAll(ids).map(commands -> {
        Map<String, OutboundCommand> byId = new HashMap<>();
        commands.forEach(c -> byId.put(c.id(), c));
        JsonArray items = new JsonArray();
        turns.forEach(t -> {
          JsonObject item = new JsonObject().put("direction", t.direction().name()).put("text", t.text())
              .put("eventId", t.eventId()).put("at", t.at().toString());
          OutboundCommand c = t.eventId() == null ? null : byId.get(t.eventId());
          if (t.direction() == Direction.OUTBOUND && c != null) {
            item.put("status", c.status().name()).put("delivery", c.delivery().name());
          }
          items.add(item);
        });
        return new JsonObject().put("key", key.asString()).put("items", items);
      });
    }));
  }

  private void audit(RoutingContext ctx) {
    ConversationKey key = AdminHttp.keyParam(ctx);
    if (key == null) {
      return;
    }
    AdminHttp.respond(ctx, stores.audit().list(key).map(entries -> {
      JsonArray items = new JsonArray();
      entries.forEach(a -> items.add(new JsonObject().put("from", a.from().name()).put("to", a.to().name())
          .put("trigger", a.trigger().name()).put("actor", a.actor()).put("at", a.at().toString())));
      return new JsonObject().put("key", key.asString()).put("items", items);
    }));
  }

  /** Reloads tenants, channels and integrations on every node; a file that does not load is refused as a whole. */
  private void reload(RoutingContext ctx) {
    if (!AdminHttp.operatorOnly(ctx)) {
      return;
    }
    reloader.reloadEverywhere().onComplete(ar -> {
      if (ar.succeeded()) {
        ctx.json(new JsonObject().put("status", "reloaded").put("tenants", ar.result()));
      } else if (ar.cause() instanceof IllegalArgumentException e) {
        ErrorReply.send(ctx, 400, "invalid_config", e.getMessage());
      } else {
        ErrorReply.send(ctx, 503, "unavailable", "the configuration could not be reloaded");
      }
    });
  }

  private void handoff(RoutingContext ctx, boolean toHuman) {
    ConversationKey key = AdminHttp.keyParam(ctx);
    if (key == null) {
      return;
    }
    JsonObject body = ctx.body().length() > 0 ? ctx.body().asJsonObject() : new JsonObject();
    var command = new SessionCommand.Handoff(key, toHuman, AdminHttp.actor(ctx, body));
    AdminHttp.respond(ctx, sessions.submit(command, ctx.request().getHeader(Correlation.HEADER))
        .map(reply -> new JsonObject().put("key", key.asString()).put("state", reply.state())));
  }

  /** A person closes the conversation; the customer's next message opens it again with the bot. */
  private void close(RoutingContext ctx) {
    ConversationKey key = AdminHttp.keyParam(ctx);
    if (key == null) {
      return;
    }
    JsonObject body = ctx.body().length() > 0 ? ctx.body().asJsonObject() : new JsonObject();
    AdminHttp.respond(ctx, sessions.submit(new SessionCommand.Close(key, AdminHttp.actor(ctx, body)),
        ctx.request().getHeader(Correlation.HEADER)).map(reply -> new JsonObject().put("key", key.asString())
        .put("state", reply.state())));
  }

  /** An abusive contact: kept, processed in order, never answered (nor followed up) until unblocked. */
  private void block(RoutingContext ctx, boolean blocked) {
    ConversationKey key = AdminHttp.keyParam(ctx);
    if (key == null) {
      return;
    }
    JsonObject body = ctx.body().length() > 0 ? ctx.body().asJsonObject() : new JsonObject();
    var command = new SessionCommand.Block(key, blocked, AdminHttp.actor(ctx, body));
    AdminHttp.respond(ctx, sessions.submit(command, ctx.request().getHeader(Correlation.HEADER))
        .map(reply -> new JsonObject().put("key", key.asString()).put("state", reply.state())
            .put("blocked", blocked)));
  }

  private void outbox(RoutingContext ctx) {
    CommandStatus status = AdminHttp.enumParam(ctx, "status", CommandStatus.class);
    String tenant = ctx.response().ended() ? null : AdminHttp.tenantFilter(ctx, ctx.request().getParam("tenant"));
    if (ctx.response().ended()) {
      return;
    }
    AdminHttp.respond(ctx, stores.outbox().list(tenant, status, AdminHttp.limit(ctx)).map(list -> {
      JsonArray items = new JsonArray();
      list.forEach(c -> items.add(new JsonObject().put("id", c.id()).put("key", c.key().asString())
          .put("sender", c.sender()).put("status", c.status().name()).put("attempts", c.attempts())
          .put("delivery", c.delivery().name()).put("providerMessageId", c.providerMessageId())
          .put("lastError", c.lastError()).put("createdAt", c.createdAt().toString())));
      return new JsonObject().put("items", items);
    }));
  }

  private void tenants(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    AdminHttp.respond(ctx, stores.tenants().list().map(list -> {
      JsonArray items = new JsonArray();
      list.stream().filter(t -> caller.sees(t.id())).forEach(t -> {
        JsonArray endpoints = new JsonArray();
        t.endpoints().forEach(e -> endpoints.add(new JsonObject().put("id", e.id()).put("kind", e.kind())
            .put("type", e.type()).put("sender", e.sender())));
        items.add(new JsonObject().put("id", t.id()).put("aiProvider", t.aiProvider())
            .put("idleTimeoutSeconds", t.idleTimeoutSeconds()).put("endpoints", endpoints)
            .put("updatedAt", t.updatedAt().toString()));
      });
      return new JsonObject().put("items", items);
    }));
  }

  /** The durable schedules (built-in jobs): what runs, how often, and when next. */
  private void schedules(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    AdminHttp.respond(ctx, stores.schedules().list().map(list -> {
      JsonArray items = new JsonArray();
      // Engine-wide schedules (no tenant) are the operator's business only.
      list.stream().filter(sc -> sc.tenantId() == null ? caller.global() : caller.sees(sc.tenantId()))
          .forEach(sc -> items.add(new JsonObject().put("id", sc.id()).put("job", sc.job())
          .put("tenant", sc.tenantId()).put("intervalMs", sc.interval().toMillis())
          .put("nextRunAt", sc.nextRunAt().toString())));
      return new JsonObject().put("items", items);
    }));
  }

  private void sandbox(RoutingContext ctx) {
    String tenant = AdminHttp.tenantFilter(ctx, ctx.request().getParam("tenant"));
    if (ctx.response().ended()) {
      return;
    }
    JsonArray items = new JsonArray();
    sandbox.list(tenant, AdminHttp.limit(ctx)).forEach(e -> items.add(new JsonObject()
        .put("commandId", e.commandId()).put("tenant", e.tenantId()).put("channel", e.channelId())
        .put("recipient", e.recipient()).put("text", e.text()).put("at", e.at().toString())));
    AdminHttp.respond(ctx, Future.succeededFuture(new JsonObject().put("items", items)));
  }
}
