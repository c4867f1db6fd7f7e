package dev.switchboard.edge;

import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.report.DailyRollup;
import dev.switchboard.engine.store.ReportStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * {@code GET /admin/v1/metrics/today}: the tenant's numbers so far today (its zone), computed from the stored facts
 * the way the nightly roll-up computes a day, without writing them. The console's operations page reads it; the
 * rolled-up history stays at {@code /metrics/daily}.
 */
final class TodayRoutes {
  private final TenantDirectory directory;
  private final ReportStore reports;
  private final Clock clock;

  TodayRoutes(TenantDirectory directory, ReportStore reports, Clock clock) {
    this.directory = directory;
    this.reports = reports;
    this.clock = clock;
  }

  void mount(Router router) {
    router.get("/admin/v1/metrics/today").handler(this::today);
  }

  private void today(RoutingContext ctx) {
    String tenant = AdminHttp.tenant(ctx, ctx.request().getParam("tenant"));
    if (tenant == null) {
      return;
    }
    ZoneId zone = directory.tenant(tenant).map(TenantConfig::zoneId).orElse(ZoneId.of(TenantConfig.DEFAULT_ZONE));
    LocalDate day = clock.instant().atZone(zone).toLocalDate();
    var window = DailyRollup.window(day, zone);
    AdminHttp.respond(ctx, reports.activity(tenant, window[0], window[1]).map(facts -> {
      JsonArray items = new JsonArray();
      DailyRollup.compute(tenant, day, zone, facts).forEach(d -> items.add(ScheduleRoutes.json(d)));
      return new JsonObject().put("tenant", tenant).put("day", day.toString()).put("items", items);
    }));
  }
}
