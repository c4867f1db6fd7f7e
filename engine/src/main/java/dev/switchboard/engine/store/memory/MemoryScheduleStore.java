package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.store.Schedule;
import dev.switchboard.engine.store.ScheduleStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class MemoryScheduleStore implements ScheduleStore {
  private final Map<String, Schedule> schedules = new LinkedHashMap<>();

  @Override
  public synchronized Future<Void> define(Schedule schedule) {
    Schedule existing = schedules.get(schedule.id());
    schedules.put(schedule.id(), existing == null ? schedule
        : new Schedule(schedule.id(), schedule.tenantId(), schedule.job(), schedule.interval(), existing.nextRunAt()));
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<List<Schedule>> claimDue(Instant now, int limit) {
    List<Schedule> due = schedules.values().stream()
        .filter(s -> !s.nextRunAt().isAfter(now))
        .sorted(Comparator.comparing(Schedule::nextRunAt))
        .limit(limit)
        .toList();
    for (Schedule s : due) {
      schedules.put(s.id(), new Schedule(s.id(), s.tenantId(), s.job(), s.interval(), s.following(now)));
    }
    return Future.succeededFuture(due);
  }

  @Override
  public synchronized Future<List<Schedule>> list() {
    return Future.succeededFuture(new ArrayList<>(schedules.values()));
  }
}
