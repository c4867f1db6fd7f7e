package dev.switchboard.scheduler;

import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.report.DailyRollup;
import dev.switchboard.engine.schedule.TenantSchedule;
import dev.switchboard.engine.store.ReportStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rolls a tenant's last {@code days} days (in the tenant's zone, ending with the occurrence's day) up into
 * {@code metrics_daily}. Each day is recomputed from the stored facts and replaced whole, so a re-run, a catch-up
 * or the report job rolling the same day again gives the same rows.
 */
final class RollupJob implements TenantJob {
  private final TenantDirectory directory;
  private final ReportStore reports;

  RollupJob(TenantDirectory directory, ReportStore reports) {
    this.directory = directory;
    this.reports = reports;
  }

  @Override
  public Future<Map<String, Object>> run(TenantSchedule schedule, Instant occurrence, String runId) {
    ZoneId zone = zone(schedule.tenantId());
    int days = ((Number) schedule.params().getOrDefault("days", 2)).intValue();
    LocalDate last = occurrence.atZone(zone).toLocalDate();
    return roll(schedule.tenantId(), last.minusDays(days - 1L), last);
  }

  ZoneId zone(String tenantId) {
    return directory.tenant(tenantId).map(t -> t.zoneId()).orElse(ZoneId.of("America/Sao_Paulo"));
  }

  /** Rolls the days {@code from} to {@code to} inclusive, one after the other. */
  Future<Map<String, Object>> roll(String tenantId, LocalDate from, LocalDate to) {
    ZoneId zone = zone(tenantId);
    List<String> rolled = new ArrayList<>();
    AtomicInteger rows = new AtomicInteger();
    Future<Void> chain = Future.succeededFuture();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      LocalDate day = d;
      Instant[] window = DailyRollup.window(day, zone);
      chain = chain.compose(v -> reports.activity(tenantId, window[0], window[1]))
          .compose(facts -> {
            var computed = DailyRollup.compute(tenantId, day, zone, facts);
            rows.addAndGet(computed.size());
            rolled.add(day.toString());
            return reports.replaceDay(tenantId, day, computed);
          });
    }
    return chain.map(v -> {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("days", rolled);
      summary.put("rows", rows.get());
      return summary;
    });
  }
}
