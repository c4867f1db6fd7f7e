package dev.switchboard.tenant;

import dev.switchboard.config.IntegrationConfig;
import dev.switchboard.config.ScheduleConfig;
import dev.switchboard.config.SenderKind;
import dev.switchboard.config.TenantConfig;
import dev.switchboard.engine.schedule.CatchUp;
import dev.switchboard.engine.schedule.CronSchedule;
import dev.switchboard.engine.schedule.JobParams;
import dev.switchboard.engine.schedule.ScheduleJob;
import dev.switchboard.engine.schedule.TenantSchedule;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a schedule written by a person (the admin API's JSON or a tenant's YAML) into a {@link TenantSchedule},
 * or an {@link IllegalArgumentException} whose message is the reason, fit for a 400.
 */
public final class ScheduleDefinitions {
  /** Ids people choose (schedules, provisioned tenants): 1-64 lower-case letters, digits, '-' or '_'. */
  public static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");

  private ScheduleDefinitions() {
  }

  public static TenantSchedule define(TenantConfig tenant, ScheduleConfig c, String origin, Instant now) {
    if (c.id() == null || !ID.matcher(c.id()).matches()) {
      throw new IllegalArgumentException("id must be 1-64 characters: lower-case letters, digits, '-' or '_'");
    }
    String zone = c.zone() == null ? tenant.zone() : c.zone();
    CronSchedule cron = CronSchedule.parse(c.cron(), zone);
    ScheduleJob job = ScheduleJob.fromWire(c.job()).orElseThrow(() ->
        new IllegalArgumentException("job must be one of follow-up, report, rollup"));
    CatchUp catchUp = c.catchUp() == null ? CatchUp.RUN_ONCE : CatchUp.fromWire(c.catchUp()).orElseThrow(() ->
        new IllegalArgumentException("catchUp must be run-once or skip"));
    Set<String> smtp = tenant.integrations().stream().filter(i -> i.type() == SenderKind.SMTP)
        .map(IntegrationConfig::id).collect(Collectors.toCollection(TreeSet::new));
    Map<String, Object> params = JobParams.check(job, c.params(), smtp, tenant.template("followUp"));
    Instant next = c.paused() ? null : cron.next(now).orElse(null);
    return new TenantSchedule(c.id(), tenant.id(), c.name(), cron.expression(), zone, job, params, catchUp, c.paused(),
        next, origin, now);
  }

  /** A configured schedule, with the tenant named in the reason. */
  public static TenantSchedule fromConfig(TenantConfig tenant, ScheduleConfig c, Instant now) {
    try {
      return define(tenant, c, "config", now);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("tenant " + tenant.id() + ": schedule " + c.id() + ": " + e.getMessage(), e);
    }
  }
}
