package dev.switchboard.engine.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A Unix cron expression (minute hour day-of-month month day-of-week, as crontab(5)) read in an IANA zone, parsed
 * and evaluated by cron-utils. The zone is part of the schedule, not of the server: "0 8 * * *" in
 * America/Sao_Paulo is 11:00 UTC all year, and in America/New_York it follows the clocks through DST.
 */
public final class CronSchedule {
  private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private final String expression;
  private final ZoneId zone;
  private final ExecutionTime execution;

  private CronSchedule(String expression, ZoneId zone, ExecutionTime execution) {
    this.expression = expression;
    this.zone = zone;
    this.execution = execution;
  }

  /** Parses both, or throws {@link IllegalArgumentException} with a reason fit for a 400 answer. */
  public static CronSchedule parse(String expression, String zone) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("cron is required (5 fields: minute hour day-of-month month day-of-week)");
    }
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone == null ? "America/Sao_Paulo" : zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("zone " + zone + " is not an IANA time zone (e.g. America/Sao_Paulo)");
    }
    Cron cron;
    try {
      cron = PARSER.parse(expression.trim());
      cron.validate();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cron '" + expression + "' is not a valid 5-field Unix cron expression: "
          + e.getMessage());
    }
    return new CronSchedule(expression.trim(), zoneId, ExecutionTime.forCron(cron));
  }

  public String expression() {
    return expression;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The first occurrence strictly after {@code after}; empty for an expression that never fires (e.g. 30 Feb). */
  public Optional<Instant> next(Instant after) {
    return execution.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant);
  }

  /** The last occurrence at or before {@code at}, if any. */
  public Optional<Instant> lastAtOrBefore(Instant at) {
    ZonedDateTime z = ZonedDateTime.ofInstant(at, zone);
    if (execution.isMatch(z.withSecond(0).withNano(0)) && z.getSecond() == 0 && z.getNano() == 0) {
      return Optional.of(at);
    }
    return execution.lastExecution(z).map(ZonedDateTime::toInstant);
  }
}
