package dev.switchboard.config;

import java.util.Map;

/**
 * A schedule written in a tenant's configuration: {@code cron} (5-field Unix) read in {@code zone} (default the
 * tenant's zone), the {@code job} it runs (follow-up, report, rollup) with its {@code params}, and {@code catchUp}
 * (run-once or skip) for occurrences missed while down. Checked at start like the rest of the file.
 */
public record ScheduleConfig(String id, String name, String cron, String zone, String job, Map<String, Object> params,
                             String catchUp, boolean paused) {
}
