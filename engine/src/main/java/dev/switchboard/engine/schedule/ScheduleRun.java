package dev.switchboard.engine.schedule;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One execution of a tenant schedule, as the execution log shows it. {@code occurrence} is the time it was due
 * (for run-now, when it was asked); {@code summary} says what it did (rows, recipients, file names, messages);
 * {@code node} is the node that ran it.
 */
public record ScheduleRun(String id, String scheduleId, String tenantId, ScheduleJob job, RunTrigger trigger,
                          Instant occurrence, Instant startedAt, Instant endedAt, RunStatus status, String error,
                          Map<String, Object> summary, String node) {
  public ScheduleRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scheduleId, "scheduleId");
    Objects.requireNonNull(status, "status");
    // Kept in order and with nulls (JSON maps carry both); read-only.
    summary = summary == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(summary));
  }

  public ScheduleRun finished(RunStatus outcome, Instant at, String failure, Map<String, Object> result) {
    return new ScheduleRun(id, scheduleId, tenantId, job, trigger, occurrence, startedAt, at, outcome, failure,
        result, node);
  }
}
