package dev.switchboard.edge;

import dev.switchboard.config.ScheduleConfig;
import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.bus.ScheduleRunNow;
import dev.switchboard.engine.report.MetricsDay;
import dev.switchboard.engine.schedule.ScheduleRun;
import dev.switchboard.engine.schedule.TenantSchedule;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.engine.store.TenantScheduleStore;
import dev.switchboard.tenant.ScheduleDefinitions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * {@code /admin/v1/tenants/{tenant}/schedules}: a tenant's schedules (create, read, replace, delete, pause, resume,
 * run now) and their execution log; {@code /admin/v1/metrics/daily}: the roll-up. Schedules written in the
 * configuration can be paused, resumed and run from here, and changed only in the configuration (409).
 */
final class ScheduleRoutes {
  private static final long RUN_NOW_TIMEOUT_MS = 10_000;
  private static final int MAX_DAYS = 400;
  private final Vertx vertx;
  private final TenantDirectory directory;
  private final TenantScheduleStore schedules;
  private final Stores stores;
  private final Clock clock;

  ScheduleRoutes(Vertx vertx, TenantDirectory directory, Stores stores, Clock clock) {
    this.vertx = vertx;
    this.directory = directory;
    this.stores = stores;
    this.schedules = stores.tenantSchedules();
    this.clock = clock;
  }

  void mount(Router router) {
    String base = "/admin/v1/tenants/:tenant/schedules";
    router.get(base).handler(this::list);
    router.post(base).handler(ctx -> write(ctx, null));
    router.get(base + "/:id").handler(this::get);
    router.put(base + "/:id").handler(ctx -> write(ctx, ctx.pathParam("id")));
    router.delete(base + "/:id").handler(this::delete);
    router.post(base + "/:id/pause").handler(ctx -> pause(ctx, true));
    router.post(base + "/:id/resume").handler(ctx -> pause(ctx, false));
    router.post(base + "/:id/run").handler(this::runNow);
    router.get(base + "/:id/runs").handler(this::runs);
    router.get("/admin/v1/metrics/daily").handler(this::daily);
  }

  private void list(RoutingContext ctx) {
    TenantConfig tenant = AdminHttp.tenantParam(ctx, directory);
    if (tenant == null) {
      return;
    }
    AdminHttp.respond(ctx, schedules.list(tenant.id()).map(list -> {
      JsonArray items = new JsonArray();
      list.forEach(s -> items.add(json(s)));
      return new JsonObject().put("items", items);
    }));
  }

  private void get(RoutingContext ctx) {
    TenantConfig tenant = AdminHttp.tenantParam(ctx, directory);
    if (tenant != null) {
      AdminHttp.respond(ctx, existing(tenant, ctx.pathParam("id")).map(ScheduleRoutes::json));
    }
  }

  private Future<TenantSchedule> existing(TenantConfig tenant, String id) {
    return schedules.get(tenant.id(), id).compose(s -> s != null ? Future.succeededFuture(s)
        : Future.failedFuture(Failure.notFound("no schedule " + id + " for tenant " + tenant.id())));
  }

  /** Create ({@code pathId} null: 201, 409 when the id exists) or replace (PUT: 200, 201 when new). */
  private void write(RoutingContext ctx, String pathId) {
    TenantConfig tenant = AdminHttp.tenantParam(ctx, directory);
    if (tenant == null) {
      return;
    }
    TenantSchedule wanted;
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new IllegalArgumentException("body must be a JSON object");
      }
      String id = pathId != null ? pathId : body.getString("id");
      if (pathId != null && body.getString("id") != null && !pathId.equals(body.getString("id"))) {
        throw new IllegalArgumentException("id in the body differs from the path");
      }
      JsonObject params = body.getJsonObject("params", new JsonObject());
      ScheduleConfig c = new ScheduleConfig(id, body.getString("name"), body.getString("cron"),
          body.getString("zone"), body.getString("job"), params.getMap(), body.getString("catchUp"),
          body.getBoolean("paused", false));
      wanted = ScheduleDefinitions.define(tenant, c, "api", clock.instant().truncatedTo(ChronoUnit.MILLIS));
    } catch (ClassCastException e) {
      ErrorReply.send(ctx, 400, "bad_request", "a field has the wrong type (params must be an object)");
      return;
    } catch (RuntimeException e) {
      ErrorReply.send(ctx, 400, "bad_request", e.getMessage());
      return;
    }
    boolean create = pathId == null;
    AdminHttp.respond(ctx, create ? 201 : 200, schedules.get(tenant.id(), wanted.id()).compose(current -> {
      if (current != null && "config".equals(current.origin())) {
        return Future.failedFuture(Failure.conflict("schedule " + wanted.id()
            + " is defined in the configuration; change it there"));
      }
      if (current != null && create) {
        return Future.failedFuture(Failure.conflict("schedule " + wanted.id() + " exists; PUT replaces it"));
      }
      return schedules.put(wanted, create).compose(done -> done ? Future.succeededFuture(json(wanted))
          : Future.failedFuture(Failure.conflict("schedule " + wanted.id() + " exists; PUT replaces it")));
    }));
  }

  private void delete(RoutingContext ctx) {
    TenantConfig tenant = AdminHttp.tenantParam(ctx, directory);
    if (tenant == null) {
      return;
    }
    String id = ctx.pathParam("id");
    AdminHttp.respond(ctx, existing(tenant, id).compose(s -> "config".equals(s.origin())
        ? Future.failedFuture(Failure.conflict("schedule " + id + " is defined in the configuration; remove it there"))
        : schedules.delete(tenant.id(), id).map(deleted -> new JsonObject().put("deleted", deleted))));
  }

  /** Pausing clears the next occurrence; resuming computes it from now (missed ones are not caught up). */
  private void pause(RoutingContext ctx, boolean paused) {
    TenantConfig tenant = AdminHttp.tenantParam(ctx, directory);
    if (tenant == null) {
      return;
    }
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    AdminHttp.respond(ctx, existing(tenant, ctx.pathParam("id")).compose(s -> {
      TenantSchedule next = s.withPaused(paused, paused ? null : s.schedule().next(now).orElse(null), now);
      return schedules.put(next, false).map(json(next));
    }));
  }

  private void runNow(RoutingContext ctx) {
    TenantConfig tenant = AdminHttp.tenantParam(ctx, directory);
    if (tenant == null) {
      return;
    }
    var ask = new ScheduleRunNow(tenant.id(), ctx.pathParam("id"), AdminHttp.actor(ctx, null));
    AdminHttp.respond(ctx, 202, vertx.eventBus().<ScheduleRunNow.Started>request(Addresses.SCHEDULE_RUN_NOW, ask,
            new DeliveryOptions().setSendTimeout(RUN_NOW_TIMEOUT_MS))
        .map(m -> new JsonObject().put("runId", m.body().runId()).put("status", "RUNNING")));
  }

  private void runs(RoutingContext ctx) {
    TenantConfig tenant = AdminHttp.tenantParam(ctx, directory);
    if (tenant == null) {
      return;
    }
    String id = ctx.pathParam("id");
    AdminHttp.respond(ctx, schedules.runs(tenant.id(), id, AdminHttp.limit(ctx)).map(list -> {
      JsonArray items = new JsonArray();
      list.forEach(r -> items.add(json(r)));
      return new JsonObject().put("items", items);
    }));
  }

  private void daily(RoutingContext ctx) {
    String tenant = AdminHttp.tenant(ctx, ctx.request().getParam("tenant"));
    if (tenant == null) {
      return;
    }
    LocalDate from;
    LocalDate to;
    try {
      // Days are the tenant's: "today" in São Paulo starts three hours after UTC's.
      LocalDate today = clock.instant().atZone(directory.tenant(tenant).map(TenantConfig::zoneId)
          .orElse(ZoneId.of(TenantConfig.DEFAULT_ZONE))).toLocalDate();
      to = ctx.request().getParam("to") == null ? today : LocalDate.parse(ctx.request().getParam("to"));
      from = ctx.request().getParam("from") == null ? to.minusDays(6) : LocalDate.parse(ctx.request().getParam("from"));
    } catch (DateTimeParseException e) {
      ErrorReply.send(ctx, 400, "bad_request", "from and to must be dates (YYYY-MM-DD)");
      return;
    }
    if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      ErrorReply.send(ctx, 400, "bad_request", "from must not be after to, and at most " + MAX_DAYS + " days apart");
      return;
    }
    AdminHttp.respond(ctx, stores.reports().daily(tenant, from, to).map(rows -> {
      JsonArray items = new JsonArray();
      rows.forEach(d -> items.add(json(d)));
      return new JsonObject().put("tenant", tenant).put("from", from.toString()).put("to", to.toString())
          .put("items", items);
    }));
  }

  static JsonObject json(TenantSchedule s) {
    return new JsonObject().put("id", s.id()).put("tenant", s.tenantId()).put("name", s.name()).put("cron", s.cron())
        .put("zone", s.zone()).put("job", s.job().wire()).put("params", new JsonObject(s.params()))
        .put("catchUp", s.catchUp().wire()).put("paused", s.paused())
        .put("nextRunAt", s.nextRunAt() == null ? null : s.nextRunAt().toString()).put("origin", s.origin())
        .put("updatedAt", s.updatedAt() == null ? null : s.updatedAt().toString());
  }

  static JsonObject json(ScheduleRun r) {
    return new JsonObject().put("id", r.id()).put("schedule", r.scheduleId()).put("job", r.job().wire())
        .put("trigger", r.trigger().name()).put("occurrence", r.occurrence().toString())
        .put("startedAt", r.startedAt().toString()).put("endedAt", r.endedAt() == null ? null : r.endedAt().toString())
        .put("status", r.status().name()).put("error", r.error()).put("summary", new JsonObject(r.summary()))
        .put("node", r.node());
  }

  static JsonObject json(MetricsDay d) {
    return new JsonObject().put("day", d.day().toString()).put("channel", d.channelId())
        .put("conversations", d.conversations()).put("messagesIn", d.messagesIn()).put("messagesOut", d.messagesOut())
        .put("handoffs", d.handoffs()).put("aiFallbacks", d.aiFallbacks()).put("firstResponses", d.firstResponses())
        .put("firstResponseSumMs", d.firstResponseSumMs()).put("firstResponseP50Ms", d.firstResponseP50Ms())
        .put("firstResponseP90Ms", d.firstResponseP90Ms()).put("actionsSent", d.actionsSent())
        .put("actionsFailed", d.actionsFailed()).put("actionsPending", d.actionsPending());
  }

}
