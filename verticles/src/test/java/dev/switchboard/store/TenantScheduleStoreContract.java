package dev.switchboard.store;

import static dev.switchboard.store.PgTestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.schedule.CatchUp;
import dev.switchboard.engine.schedule.RunStatus;
import dev.switchboard.engine.schedule.RunTrigger;
import dev.switchboard.engine.schedule.ScheduleJob;
import dev.switchboard.engine.schedule.ScheduleRun;
import dev.switchboard.engine.schedule.TenantSchedule;
import dev.switchboard.engine.store.TenantScheduleStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every tenant schedule store must do: one execution per occurrence, never two at once, a durable log. */
abstract class TenantScheduleStoreContract {
  private static final Instant T = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private static final Instant NEXT = T.plus(Duration.ofDays(1));
  private static final Instant LEASE = T.plus(Duration.ofMinutes(10));

  abstract TenantScheduleStore store();

  private final String tenant = "t-" + UUID.randomUUID();

  private TenantSchedule schedule(String id, Instant next) {
    return new TenantSchedule(id, tenant, "Relatório diário", "0 8 * * *", "America/Sao_Paulo", ScheduleJob.REPORT,
        Map.of("period", "yesterday", "recipients", List.of("a@example.com")), CatchUp.RUN_ONCE, false, next,
        "api", T);
  }

  /** Other tests' schedules share the database: tell them apart by tenant. */
  private String ref(TenantSchedule s) {
    return s.tenantId() + "/" + s.id();
  }

  @Test
  void putGetListDelete() {
    assertThat(await(store().put(schedule("daily", T), true))).isTrue();
    assertThat(await(store().put(schedule("daily", NEXT), true))).isFalse();
    TenantSchedule read = await(store().get(tenant, "daily"));
    assertThat(read).isEqualTo(schedule("daily", T));
    assertThat(read.params().get("recipients")).isEqualTo(List.of("a@example.com"));
    assertThat(await(store().put(schedule("daily", NEXT), false))).isTrue();
    assertThat(await(store().get(tenant, "daily")).nextRunAt()).isEqualTo(NEXT);
    assertThat(await(store().list(tenant))).extracting(TenantSchedule::id).containsExactly("daily");
    assertThat(await(store().delete(tenant, "daily"))).isTrue();
    assertThat(await(store().delete(tenant, "daily"))).isFalse();
    assertThat(await(store().get(tenant, "daily"))).isNull();
  }

  @Test
  void twoNodesClaimingTheSameOccurrenceRunItOnce() {
    await(store().put(schedule("daily", T), true));
    assertThat(await(store().due(T, 100))).extracting(this::ref).contains(tenant + "/daily");
    List<Future<Boolean>> claims = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      claims.add(store().claim(tenant, "daily", T, NEXT, "run-" + i, LEASE, T.plusMillis(1)));
    }
    await(Future.all(claims));
    assertThat(claims.stream().filter(Future::result).count()).isEqualTo(1);
    assertThat(await(store().get(tenant, "daily")).nextRunAt()).isEqualTo(NEXT);
    assertThat(await(store().due(T.plusMillis(1), 100))).extracting(this::ref).doesNotContain(tenant + "/daily");
  }

  @Test
  void runNowAndTheScheduledOccurrenceNeverHoldTheLeaseTogether() {
    await(store().put(schedule("daily", T), true));
    assertThat(await(store().lease(tenant, "daily", "now-1", LEASE, T))).isTrue();
    // Due, but its lease is held: not offered, and a claim fails without moving the schedule.
    assertThat(await(store().due(T, 100))).extracting(this::ref).doesNotContain(tenant + "/daily");
    assertThat(await(store().claim(tenant, "daily", T, NEXT, "sched-1", LEASE, T))).isFalse();
    assertThat(await(store().lease(tenant, "daily", "now-2", LEASE, T))).isFalse();
    assertThat(await(store().get(tenant, "daily")).nextRunAt()).isEqualTo(T);
    await(store().release(tenant, "daily", "someone-else"));
    assertThat(await(store().claim(tenant, "daily", T, NEXT, "sched-1", LEASE, T))).isFalse();
    await(store().release(tenant, "daily", "now-1"));
    assertThat(await(store().claim(tenant, "daily", T, NEXT, "sched-1", LEASE, T))).isTrue();
  }

  @Test
  void anExpiredLeaseIsFreeAndItsRunningEntryIsClosedAsFailed() {
    await(store().put(schedule("daily", T), true));
    assertThat(await(store().claim(tenant, "daily", T, NEXT, "dead-node-run", T.plusSeconds(30), T))).isTrue();
    ScheduleRun running = new ScheduleRun("dead-node-run", "daily", tenant, ScheduleJob.REPORT, RunTrigger.SCHEDULED,
        T, T, null, RunStatus.RUNNING, null, Map.of(), "node-a");
    await(store().record(running));
    assertThat(await(store().closeAbandoned(T.plusSeconds(10)))).isZero();
    assertThat(await(store().lease(tenant, "daily", "now-1", LEASE, T.plusSeconds(10)))).isFalse();
    Instant later = T.plusSeconds(31);
    assertThat(await(store().closeAbandoned(later))).isGreaterThanOrEqualTo(1);
    ScheduleRun closed = await(store().runs(tenant, "daily", 10)).get(0);
    assertThat(closed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(closed.error()).isEqualTo(TenantScheduleStore.ABANDONED);
    assertThat(await(store().lease(tenant, "daily", "now-1", LEASE, later))).isTrue();
  }

  @Test
  void theExecutionLogIsNewestFirstAndAnEntryIsUpdatedInPlace() {
    await(store().put(schedule("daily", T), true));
    ScheduleRun first = new ScheduleRun("r1", "daily", tenant, ScheduleJob.REPORT, RunTrigger.SCHEDULED, T, T, null,
        RunStatus.RUNNING, null, Map.of(), "node-a");
    await(store().record(first));
    await(store().record(first.finished(RunStatus.SUCCEEDED, T.plusSeconds(2), null,
        Map.of("recipients", 2, "files", List.of("r.csv", "r.xlsx")))));
    await(store().record(new ScheduleRun("r2", "daily", tenant, ScheduleJob.REPORT, RunTrigger.RUN_NOW,
        T.plusSeconds(60), T.plusSeconds(60), T.plusSeconds(61), RunStatus.FAILED, "smtp 550", Map.of(), "node-b")));
    List<ScheduleRun> log = await(store().runs(tenant, "daily", 10));
    assertThat(log).extracting(ScheduleRun::id).containsExactly("r2", "r1");
    assertThat(log.get(1).status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(log.get(1).endedAt()).isEqualTo(T.plusSeconds(2));
    assertThat(log.get(1).summary()).containsEntry("files", List.of("r.csv", "r.xlsx"));
    assertThat(await(store().runs(tenant, null, 1))).extracting(ScheduleRun::id).containsExactly("r2");
  }
}
