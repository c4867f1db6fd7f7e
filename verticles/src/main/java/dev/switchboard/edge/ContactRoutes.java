package dev.switchboard.edge;

import dev.switchboard.edge.auth.Caller;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.privacy.ContactRef;
import dev.switchboard.privacy.ContactPrivacy;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /admin/v1/contacts/{id}}: data-subject requests. {@code id} is the contact as the conversation list shows it
 * (a phone in any usual writing, a Telegram chat id, a web chat visitor id), in the tenant given by {@code ?tenant=}
 * (a tenant token's own when omitted). Agents answer conversations; exporting or erasing a person's data is for the
 * operator, a tenant admin or the tenant's own systems. An erase cannot be undone, so it asks {@code "confirm": true}.
 */
final class ContactRoutes {
  private final ContactPrivacy privacy;

  ContactRoutes(ContactPrivacy privacy) {
    this.privacy = privacy;
  }

  void mount(Router router) {
    router.get("/admin/v1/contacts/:id/export").handler(this::export);
    router.post("/admin/v1/contacts/:id/erase").handler(this::erase);
  }

  private void export(RoutingContext ctx) {
    ContactRef ref = contact(ctx, null);
    if (ref == null) {
      return;
    }
    AdminHttp.respond(ctx, privacy.export(ref, Caller.of(ctx).actor()).compose(body -> body != null
        ? Future.succeededFuture(body)
        : Future.failedFuture(Failure.notFound(
            "nothing is held about contact " + ref.contactId() + " in tenant " + ref.tenantId()))));
  }

  private void erase(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().length() > 0 ? ctx.body().asJsonObject() : new JsonObject();
    } catch (DecodeException | ClassCastException e) {
      ErrorReply.send(ctx, 400, "bad_request", "the body must be a JSON object");
      return;
    }
    ContactRef ref = contact(ctx, body);
    if (ref == null) {
      return;
    }
    if (!Boolean.TRUE.equals(body.getValue("confirm"))) {
      ErrorReply.send(ctx, 400, "bad_request", "an erase cannot be undone: send {\"confirm\": true}");
      return;
    }
    AdminHttp.respond(ctx, privacy.erase(ref, Caller.of(ctx).actor()));
  }

  /** The contact in the path and the tenant it is looked up in; the 400/403 is sent and null returned otherwise. */
  private static ContactRef contact(RoutingContext ctx, JsonObject body) {
    String requested = ctx.request().getParam("tenant");
    if (requested == null && body != null && body.getValue("tenant") instanceof String t) {
      requested = t;
    }
    String tenant = AdminHttp.tenant(ctx, requested);
    if (tenant == null) {
      return null;
    }
    if (Caller.of(ctx).role() == Caller.Role.AGENT) {
      ErrorReply.send(ctx, 403, "forbidden", "exporting or erasing a contact's data is not an agent's action");
      return null;
    }
    try {
      return new ContactRef(tenant, ctx.pathParam("id").trim());
    } catch (IllegalArgumentException e) {
      ErrorReply.send(ctx, 400, "bad_request", e.getMessage());
      return null;
    }
  }
}
