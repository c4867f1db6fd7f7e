package dev.switchboard.engine.store;

import dev.switchboard.engine.report.ActivityFacts;
import dev.switchboard.engine.report.MetricsDay;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What reports read and the daily roll-up writes: activity facts in, {@code metrics_daily} rows out. */
public interface ReportStore {

  /** The tenant's messages, audited state changes and outbox actions in {@code [from, to)}. */
  Future<ActivityFacts> activity(String tenantId, Instant from, Instant to);

  /** Replaces the tenant's rows for {@code day} with {@code rows} in one step (so a re-run gives the same rows). */
  Future<Void> replaceDay(String tenantId, LocalDate day, List<MetricsDay> rows);

  /** The tenant's rows for the days {@code from} to {@code to} inclusive, by day then channel. */
  Future<List<MetricsDay>> daily(String tenantId, LocalDate from, LocalDate to);
}
