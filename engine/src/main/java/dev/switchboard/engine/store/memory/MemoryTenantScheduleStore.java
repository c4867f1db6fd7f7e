package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.schedule.RunStatus;
import dev.switchboard.engine.schedule.ScheduleRun;
import dev.switchboard.engine.schedule.TenantSchedule;
import dev.switchboard.engine.store.TenantScheduleStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Schedules and their execution log in memory; each schedule keeps its last {@code keepRuns} executions. */
public final class MemoryTenantScheduleStore implements TenantScheduleStore {
  private record Lease(String runId, Instant until) {
  }

  private final Map<String, TenantSchedule> schedules = new TreeMap<>();
  private final Map<String, Lease> leases = new HashMap<>();
  private final Map<String, Deque<ScheduleRun>> runs = new HashMap<>();
  private final int keepRuns;

  public MemoryTenantScheduleStore(int keepRuns) {
    this.keepRuns = keepRuns;
  }

  private static String key(String tenantId, String id) {
    return tenantId + '\u0000' + id;
  }

  @Override
  public synchronized Future<Boolean> put(TenantSchedule schedule, boolean onlyIfAbsent) {
    String k = key(schedule.tenantId(), schedule.id());
    if (onlyIfAbsent && schedules.containsKey(k)) {
      return Future.succeededFuture(false);
    }
    schedules.put(k, schedule);
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<TenantSchedule> get(String tenantId, String id) {
    return Future.succeededFuture(schedules.get(key(tenantId, id)));
  }

  @Override
  public synchronized Future<List<TenantSchedule>> list(String tenantId) {
    return Future.succeededFuture(schedules.values().stream()
        .filter(s -> tenantId == null || s.tenantId().equals(tenantId)).toList());
  }

  @Override
  public synchronized Future<Boolean> delete(String tenantId, String id) {
    return Future.succeededFuture(schedules.remove(key(tenantId, id)) != null);
  }

  @Override
  public synchronized Future<List<TenantSchedule>> due(Instant now, int limit) {
    return Future.succeededFuture(schedules.values().stream()
        .filter(s -> !s.paused() && s.nextRunAt() != null && !s.nextRunAt().isAfter(now))
        .filter(s -> leaseFree(key(s.tenantId(), s.id()), now))
        .sorted(Comparator.comparing(TenantSchedule::nextRunAt))
        .limit(limit).toList());
  }

  private boolean leaseFree(String k, Instant now) {
    Lease lease = leases.get(k);
    return lease == null || lease.until().isBefore(now);
  }

  @Override
  public synchronized Future<Boolean> claim(String tenantId, String id, Instant expectedNext, Instant next,
                                            String runId, Instant leaseUntil, Instant now) {
    String k = key(tenantId, id);
    TenantSchedule s = schedules.get(k);
    if (s == null || s.paused() || !Objects.equals(s.nextRunAt(), expectedNext) || !leaseFree(k, now)) {
      return Future.succeededFuture(false);
    }
    schedules.put(k, s.withNextRunAt(next));
    leases.put(k, new Lease(runId, leaseUntil));
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<Boolean> lease(String tenantId, String id, String runId, Instant leaseUntil,
                                            Instant now) {
    String k = key(tenantId, id);
    if (!schedules.containsKey(k) || !leaseFree(k, now)) {
      return Future.succeededFuture(false);
    }
    leases.put(k, new Lease(runId, leaseUntil));
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<Void> release(String tenantId, String id, String runId) {
    String k = key(tenantId, id);
    Lease lease = leases.get(k);
    if (lease != null && lease.runId().equals(runId)) {
      leases.remove(k);
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> record(ScheduleRun run) {
    Deque<ScheduleRun> log = runs.computeIfAbsent(key(run.tenantId(), run.scheduleId()), k -> new ArrayDeque<>());
    log.removeIf(r -> r.id().equals(run.id()));
    log.addFirst(run);
    while (log.size() > keepRuns) {
      log.removeLast();
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<List<ScheduleRun>> runs(String tenantId, String scheduleId, int limit) {
    List<ScheduleRun> all = new ArrayList<>();
    runs.forEach((k, log) -> log.stream()
        .filter(r -> r.tenantId().equals(tenantId) && (scheduleId == null || r.scheduleId().equals(scheduleId)))
        .forEach(all::add));
    all.sort(Comparator.comparing(ScheduleRun::startedAt).reversed());
    return Future.succeededFuture(all.stream().limit(limit).toList());
  }

  @Override
  public synchronized Future<Integer> closeAbandoned(Instant now) {
    int closed = 0;
    for (var entry : runs.entrySet()) {
      Lease lease = leases.get(entry.getKey());
      List<ScheduleRun> log = new ArrayList<>(entry.getValue());
      for (int i = 0; i < log.size(); i++) {
        ScheduleRun r = log.get(i);
        boolean held = lease != null && lease.runId().equals(r.id()) && !lease.until().isBefore(now);
        if (r.status() == RunStatus.RUNNING && !held) {
          log.set(i, r.finished(RunStatus.FAILED, now, ABANDONED, r.summary()));
          closed++;
        }
      }
      entry.getValue().clear();
      entry.getValue().addAll(log);
    }
    return Future.succeededFuture(closed);
  }
}
