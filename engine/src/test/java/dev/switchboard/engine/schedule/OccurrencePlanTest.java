package dev.switchboard.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OccurrencePlanTest {
  private static final Duration GRACE = Duration.ofMinutes(5);

  private static TenantSchedule daily(Instant next, CatchUp catchUp) {
    return new TenantSchedule("r", "acme", null, "0 8 * * *", "America/Sao_Paulo", ScheduleJob.REPORT, Map.of(),
        catchUp, false, next, "api", next);
  }

  @Test
  void onTimeRunsTheOccurrenceAndMovesToTheNextDay() {
    Instant due = Instant.parse("2026-05-10T11:00:00Z");
    OccurrencePlan plan = OccurrencePlan.of(daily(due, CatchUp.SKIP), due.plusSeconds(2), GRACE);
    assertThat(plan.run()).isTrue();
    assertThat(plan.trigger()).isEqualTo(RunTrigger.SCHEDULED);
    assertThat(plan.occurrence()).isEqualTo(due);
    assertThat(plan.next()).isEqualTo(Instant.parse("2026-05-11T11:00:00Z"));
  }

  @Test
  void afterThreeDaysDownRunOnceRunsTheLatestMissedOccurrenceOnce() {
    Instant due = Instant.parse("2026-05-10T11:00:00Z");
    Instant now = Instant.parse("2026-05-13T15:00:00Z");
    OccurrencePlan plan = OccurrencePlan.of(daily(due, CatchUp.RUN_ONCE), now, GRACE);
    assertThat(plan.run()).isTrue();
    assertThat(plan.trigger()).isEqualTo(RunTrigger.CATCH_UP);
    assertThat(plan.occurrence()).isEqualTo(Instant.parse("2026-05-13T11:00:00Z"));
    assertThat(plan.next()).isEqualTo(Instant.parse("2026-05-14T11:00:00Z"));
  }

  @Test
  void skipLogsTheMissedOccurrenceWithoutRunning() {
    Instant due = Instant.parse("2026-05-10T11:00:00Z");
    OccurrencePlan plan = OccurrencePlan.of(daily(due, CatchUp.SKIP), due.plus(Duration.ofHours(1)), GRACE);
    assertThat(plan.run()).isFalse();
    assertThat(plan.trigger()).isEqualTo(RunTrigger.CATCH_UP);
    assertThat(plan.occurrence()).isEqualTo(due);
    assertThat(plan.next()).isEqualTo(Instant.parse("2026-05-11T11:00:00Z"));
  }
}
