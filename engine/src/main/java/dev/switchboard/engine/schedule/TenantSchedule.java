package dev.switchboard.engine.schedule;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A schedule a tenant defined (in its configuration or through the admin API): a Unix cron read in {@code zone},
 * the job it runs with its parameters, and what to do with occurrences missed while down. {@code nextRunAt} is the
 * next occurrence (null while paused); {@code origin} is {@code config} or {@code api}.
 */
public record TenantSchedule(String id, String tenantId, String name, String cron, String zone, ScheduleJob job,
                             Map<String, Object> params, CatchUp catchUp, boolean paused, Instant nextRunAt,
                             String origin, Instant updatedAt) {
  public TenantSchedule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(cron, "cron");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(job, "job");
    // Kept in order and with nulls (JSON maps carry both); read-only.
    params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    catchUp = catchUp == null ? CatchUp.RUN_ONCE : catchUp;
    name = name == null ? id : name;
    origin = origin == null ? "api" : origin;
  }

  public CronSchedule schedule() {
    return CronSchedule.parse(cron, zone);
  }

  public TenantSchedule withNextRunAt(Instant next) {
    return new TenantSchedule(id, tenantId, name, cron, zone, job, params, catchUp, paused, next, origin, updatedAt);
  }

  public TenantSchedule withPaused(boolean value, Instant next, Instant now) {
    return new TenantSchedule(id, tenantId, name, cron, zone, job, params, catchUp, value, next, origin, now);
  }
}
