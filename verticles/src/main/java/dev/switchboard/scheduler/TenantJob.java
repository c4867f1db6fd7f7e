package dev.switchboard.scheduler;

import dev.switchboard.engine.schedule.TenantSchedule;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Map;

/**
 * One kind of tenant-defined work. Runs on the scheduler's event loop (blocking parts on a worker) and completes
 * with the summary the execution log shows: counts, file names, command ids; never personal data.
 */
interface TenantJob {
  Future<Map<String, Object>> run(TenantSchedule schedule, Instant occurrence, String runId);
}
