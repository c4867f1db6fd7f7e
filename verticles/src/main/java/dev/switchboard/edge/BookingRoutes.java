package dev.switchboard.edge;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.switchboard.config.SenderKind;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.CalcomWebhook;
import dev.switchboard.engine.channel.CalcomSignature;
import dev.switchboard.engine.channel.PayloadException;
import dev.switchboard.edge.auth.Caller;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.bus.FailureCode;
import dev.switchboard.session.BookingSync;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appointments over HTTP (docs/appointments.md): Cal.com's webhooks in ({@code POST /webhooks/calcom/{integration}},
 * signed with HMAC-SHA256 over the raw body in {@code X-Cal-Signature-256}) and the admin routes to list bookings and
 * mark a no-show or an attendance.
 */
final class BookingRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(BookingRoutes.class);
  private static final int WEBHOOK_LIMIT = 256 * 1024;
  private final TenantDirectory directory;
  private final BookingSync sync;

  BookingRoutes(TenantDirectory directory, BookingSync sync) {
    this.directory = directory;
    this.sync = sync;
  }

  /** The webhook; mount anywhere. */
  void mountWebhook(Router router) {
    router.post("/webhooks/calcom/:integrationId").handler(BodyHandler.create(false).setBodyLimit(WEBHOOK_LIMIT))
        .handler(this::webhook);
  }

  /** The admin routes; mount after the admin authentication. */
  void mountAdmin(Router router) {
    router.get("/admin/v1/bookings").handler(this::list);
    router.get("/admin/v1/bookings/:id").handler(ctx -> withBooking(ctx, b -> Future.succeededFuture(json(b))));
    router.post("/admin/v1/bookings/:id/no-show").handler(ctx -> withBooking(ctx, b -> sync.noShow(b)
        .compose(done -> confirmedOnly(done, b))));
    router.post("/admin/v1/bookings/:id/attended").handler(ctx -> withBooking(ctx, b -> sync.attended(b)
        .compose(done -> confirmedOnly(done, b))));
  }

  private void webhook(RoutingContext ctx) {
    var binding = directory.integration(ctx.pathParam("integrationId")).orElse(null);
    if (binding == null || binding.integration().type() != SenderKind.CALCOM) {
      ErrorReply.send(ctx, 404, "unknown_integration", "no Cal.com integration with this id");
      return;
    }
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    String header = ctx.request().getHeader(CalcomSignature.HEADER);
    if (header == null || !CalcomSignature.verify(binding.integration().signingSecret(), body, header)) {
      LOG.warn("calcom webhook rejected {} reason=signature", kv("tenant", binding.tenant().id()));
      ErrorReply.send(ctx, 401, "invalid_signature", header == null ? "missing " + CalcomSignature.HEADER + " header"
          : CalcomSignature.HEADER + " does not match");
      return;
    }
    CalcomWebhook event;
    try {
      event = CalcomWebhook.parse(body);
    } catch (PayloadException e) {
      ErrorReply.send(ctx, 400, "bad_request", e.getMessage());
      return;
    }
    sync.calcom(binding.tenant(), binding.integration(), event).onComplete(ar -> {
      if (ar.succeeded()) {
        LOG.info("calcom webhook {} trigger={} outcome={}", kv("tenant", binding.tenant().id()), event.trigger(),
            ar.result());
        ctx.json(new JsonObject().put("status", ar.result().name().toLowerCase(Locale.ROOT)));
      } else {
        ErrorReply.failure(ctx, ar.cause());
      }
    });
  }

  private void list(RoutingContext ctx) {
    String tenant = AdminHttp.tenant(ctx, ctx.request().getParam("tenant"));
    if (tenant == null) {
      return;
    }
    AdminHttp.respond(ctx, sync.list(tenant, AdminHttp.limit(ctx)).map(all -> {
      JsonArray items = new JsonArray();
      all.forEach(b -> items.add(json(b)));
      return new JsonObject().put("tenant", tenant).put("items", items);
    }));
  }

  private void withBooking(RoutingContext ctx, Function<Booking, Future<JsonObject>> action) {
    String id = ctx.pathParam("id");
    sync.get(id).onComplete(ar -> {
      if (ar.failed()) {
        ErrorReply.failure(ctx, ar.cause());
      } else if (ar.result() == null || !Caller.of(ctx).sees(ar.result().key().tenantId())) {
        // Another tenant's booking is not found, rather than forbidden: ids reveal nothing.
        ErrorReply.send(ctx, 404, "not_found", "no booking " + id);
      } else {
        AdminHttp.respond(ctx, action.apply(ar.result()));
      }
    });
  }

  private static Future<JsonObject> confirmedOnly(Booking done, Booking before) {
    return done != null ? Future.succeededFuture(json(done)) : Future.failedFuture(new Failure(FailureCode.CONFLICT,
        "booking " + before.id() + " is " + before.status() + ", not CONFIRMED"));
  }

  static JsonObject json(Booking b) {
    return new JsonObject().put("id", b.id()).put("tenant", b.key().tenantId())
        .put("conversation", b.key().asString()).put("provider", b.provider()).put("providerUid", b.providerUid())
        .put("start", b.start().toString()).put("end", b.end().toString()).put("status", b.status().name())
        .put("attendeeName", b.attendeeName()).put("lastError", b.lastError())
        .put("createdAt", b.createdAt().toString()).put("updatedAt", b.updatedAt().toString());
  }
}
