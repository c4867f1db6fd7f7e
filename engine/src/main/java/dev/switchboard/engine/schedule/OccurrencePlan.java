package dev.switchboard.engine.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * What a scheduler does with a schedule whose {@code nextRunAt} has come: run it (on time, or late within
 * {@code grace}), or — when it is later than that, i.e. the occurrence was missed while no node ran — apply the
 * schedule's catch-up policy to the latest missed occurrence. {@code next} is where the schedule moves on to; null
 * when the expression never fires again.
 *
 * @param run        whether the job runs (false: the occurrence is logged SKIPPED)
 * @param trigger    SCHEDULED or CATCH_UP
 * @param occurrence the occurrence the execution stands for
 */
public record OccurrencePlan(boolean run, RunTrigger trigger, Instant occurrence, Instant next) {

  public static OccurrencePlan of(TenantSchedule schedule, Instant now, Duration grace) {
    CronSchedule cron = schedule.schedule();
    Instant due = schedule.nextRunAt();
    if (!due.plus(grace).isBefore(now)) {
      Instant next = cron.next(due).orElse(null);
      if (next != null && !next.isAfter(now)) {
        next = cron.next(now).orElse(null);
      }
      return new OccurrencePlan(true, RunTrigger.SCHEDULED, due, next);
    }
    Instant latest = cron.lastAtOrBefore(now).filter(t -> !t.isBefore(due)).orElse(due);
    Instant next = cron.next(now).orElse(null);
    return new OccurrencePlan(schedule.catchUp() == CatchUp.RUN_ONCE, RunTrigger.CATCH_UP, latest, next);
  }
}
