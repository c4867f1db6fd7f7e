package dev.switchboard.edge;

import dev.switchboard.engine.store.Stores;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.edge.auth.Caller;
import dev.switchboard.engine.bus.Correlation;
import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.session.SessionGateway;
import dev.switchboard.engine.channel.PhoneNumbers;
import dev.switchboard.engine.bus.SessionCommand;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.outbound.Outbox;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /admin/v1} actions and dead letters: enqueue an action (idempotent by source id), list dead letters with
 * filters, replay them. A replay gives a DEAD command a fresh lifecycle under the same id, so replaying twice, or
 * replaying a command that is no longer dead, sends nothing more; every replay is audited.
 */
final class ActionRoutes {
  private final Vertx vertx;
  private final Stores stores;
  private final TenantDirectory directory;
  private final Clock clock;
  private final Outbox outbox;
  private final SessionGateway sessions;

  ActionRoutes(Vertx vertx, Stores stores, TenantDirectory directory, Clock clock, Outbox outbox,
               SessionGateway sessions) {
    this.sessions = sessions;
    this.vertx = vertx;
    this.stores = stores;
    this.directory = directory;
    this.clock = clock;
    this.outbox = outbox;
  }

  void mount(Router router) {
    router.post("/admin/v1/actions").handler(this::enqueue);
    router.get("/admin/v1/dead-letters").handler(this::deadLetters);
    router.post("/admin/v1/dead-letters/replay").handler(this::replay);
    router.get("/admin/v1/audit/actions").handler(this::actions);
  }

  private void enqueue(RoutingContext ctx) {
    JsonObject body;
    OutboundPayload payload;
    try {
      body = ctx.body().asJsonObject();
      payload = Json.read(body.getJsonObject("payload").encode(), OutboundPayload.class);
    } catch (RuntimeException e) {
      ErrorReply.send(ctx, 400, "bad_request", "body must be {tenant, target, recipient, sourceId, payload{kind,...}}");
      return;
    }
    String tenant = body.getString("tenant");
    if (tenant != null && !AdminHttp.allowed(ctx, tenant)) {
      return;
    }
    String target = body.getString("target");
    String recipient = body.getString("recipient");
    String sourceId = body.getString("sourceId", ctx.request().getHeader("Idempotency-Key"));
    if (tenant == null || target == null || recipient == null || sourceId == null) {
      ErrorReply.send(ctx, 400, "bad_request", "tenant, target, recipient and sourceId (or Idempotency-Key) are required");
      return;
    }
    String sender;
    ChannelType type = null;
    var channel = directory.channel(target).filter(b -> b.tenant().id().equals(tenant));
    var integration = directory.integration(target).filter(b -> b.tenant().id().equals(tenant));
    if (channel.isPresent()) {
      sender = channel.get().channel().sender().wire();
      type = channel.get().channel().type();
    } else if (integration.isPresent()) {
      sender = integration.get().integration().type().wire();
    } else {
      ErrorReply.send(ctx, 404, "not_found", "no channel or integration " + target + " for tenant " + tenant);
      return;
    }
    String id = OutboundCommand.forRequest(tenant, target, sourceId);
    String cid = Correlation.fromHeader(ctx.request().getHeader(Correlation.HEADER));
    String actor = AdminHttp.actor(ctx, body);
    if (channel.isEmpty()) {
      OutboundCommand command = OutboundCommand.pending(id, new ConversationKey(tenant, target, recipient), null,
          sender, recipient, payload, clock.instant(), cid);
      AdminHttp.respond(ctx, 202, outbox.enqueue(command, actor).map(done -> result(done.command(), done.created())));
      return;
    }
    // A message to a customer belongs to their conversation: the same contact key the channel's webhooks make
    // (WhatsApp: +digits), written there by the conversation's session together with its command.
    ContactAddress to;
    try {
      to = ContactAddress.of(type, recipient);
    } catch (RuntimeException e) {
      ErrorReply.send(ctx, 400, "bad_request", "recipient is not a phone number for this WhatsApp channel");
      return;
    }
    ConversationKey key = new ConversationKey(tenant, target, to.contactId());
    OutboundCommand command = OutboundCommand.pending(id, key, type, sender, to.replyTo(), payload, clock.instant(),
        cid);
    AdminHttp.respond(ctx, 202, sessions.submit(new SessionCommand.AgentMessage(key, command, actor), cid)
        .compose(accepted -> stores.outbox().get(id)
            .map(stored -> result(stored == null ? command : stored, "CREATED".equals(accepted.state())))));
  }

  /** A channel's contact id (the conversation key's part) and the provider's address for a recipient. */
  private record ContactAddress(String contactId, String replyTo) {
    static ContactAddress of(ChannelType type, String recipient) {
      if (type != ChannelType.WHATSAPP) {
        return new ContactAddress(recipient, recipient);
      }
      String canonical = PhoneNumbers.canonical(recipient);
      return new ContactAddress(canonical, recipient.replaceAll("[^0-9]", ""));
    }
  }

  private static JsonObject result(OutboundCommand c, boolean created) {
    return new JsonObject().put("id", c.id()).put("created", created).put("status", c.status().name());
  }

  private void deadLetters(RoutingContext ctx) {
    String tenant = AdminHttp.tenantFilter(ctx, ctx.request().getParam("tenant"));
    if (ctx.response().ended()) {
      return;
    }
    String sender = ctx.request().getParam("sender");
    String reason = ctx.request().getParam("reason");
    Instant since;
    Instant until;
    try {
      since = time(ctx.request().getParam("since"), Instant.MIN);
      until = time(ctx.request().getParam("until"), Instant.MAX);
    } catch (DateTimeParseException e) {
      ErrorReply.send(ctx, 400, "bad_request", "since and until are ISO-8601 instants");
      return;
    }
    int limit = AdminHttp.limit(ctx);
    AdminHttp.respond(ctx, stores.outbox().list(tenant, CommandStatus.DEAD, 10_000).map(list -> {
      JsonArray items = new JsonArray();
      list.stream()
          .filter(c -> sender == null || c.sender().equals(sender))
          .filter(c -> reason == null || (c.lastError() != null && c.lastError().contains(reason)))
          .filter(c -> !c.createdAt().isBefore(since) && c.createdAt().isBefore(until))
          .limit(limit)
          .forEach(c -> items.add(new JsonObject().put("id", c.id()).put("key", c.key().asString())
              .put("sender", c.sender()).put("reason", c.lastError()).put("attempts", c.attempts())
              .put("createdAt", c.createdAt().toString())));
      return new JsonObject().put("items", items);
    }));
  }

  private void replay(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    JsonArray ids = body == null ? null : body.getJsonArray("ids");
    if (ids == null || ids.isEmpty() || ids.size() > 1000) {
      ErrorReply.send(ctx, 400, "bad_request", "body must be {\"ids\": [1 to 1000 command ids]}");
      return;
    }
    String actor = AdminHttp.actor(ctx, body);
    Caller caller = Caller.of(ctx);
    List<Future<JsonObject>> results = new ArrayList<>();
    for (Object id : ids) {
      results.add(replayOne(String.valueOf(id), actor, caller));
    }
    AdminHttp.respond(ctx, Future.all(results).map(all -> {
      JsonArray items = new JsonArray();
      results.forEach(f -> items.add(f.result()));
      return new JsonObject().put("items", items);
    }));
  }

  private Future<JsonObject> replayOne(String id, String actor, Caller caller) {
    return outbox.replay(id, actor, caller::sees)
        .map(outcome -> new JsonObject().put("id", id).put("result", outcome.name().toLowerCase(Locale.ROOT)));
  }

  private void actions(RoutingContext ctx) {
    String tenant = AdminHttp.tenant(ctx, ctx.request().getParam("tenant"));
    if (tenant == null) {
      return;
    }
    AdminHttp.respond(ctx, stores.audit().actions(tenant, AdminHttp.limit(ctx)).map(list -> {
      JsonArray items = new JsonArray();
      list.forEach(a -> items.add(new JsonObject().put("action", a.action()).put("subject", a.subject())
          .put("actor", a.actor()).put("at", a.at().toString())));
      return new JsonObject().put("items", items);
    }));
  }

  private static Instant time(String value, Instant fallback) {
    return value == null ? fallback : Instant.parse(value);
  }
}
