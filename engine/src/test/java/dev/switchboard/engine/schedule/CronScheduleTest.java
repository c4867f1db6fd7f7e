package dev.switchboard.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

  @Test
  void dailyAtEightInSaoPauloIsElevenUtcAllYear() {
    CronSchedule cron = CronSchedule.parse("0 8 * * *", "America/Sao_Paulo");
    assertThat(cron.next(Instant.parse("2026-01-15T12:00:00Z"))).contains(Instant.parse("2026-01-16T11:00:00Z"));
    // Brazil has had no DST since 2019: July is the same offset as January.
    assertThat(cron.next(Instant.parse("2026-07-15T10:59:00Z"))).contains(Instant.parse("2026-07-15T11:00:00Z"));
  }

  @Test
  void aZoneWithDstFollowsTheLocalClock() {
    CronSchedule cron = CronSchedule.parse("0 8 * * *", "America/New_York");
    // EST (UTC-5) before 8 March 2026, EDT (UTC-4) after.
    assertThat(cron.next(Instant.parse("2026-03-07T14:00:00Z"))).contains(Instant.parse("2026-03-08T12:00:00Z"));
    assertThat(cron.next(Instant.parse("2026-03-06T14:00:00Z"))).contains(Instant.parse("2026-03-07T13:00:00Z"));
  }

  @Test
  void aTimeSkippedBySpringForwardDoesNotFireTwiceOrLoop() {
    CronSchedule cron = CronSchedule.parse("30 2 * * *", "America/New_York");
    // 02:30 on 8 March 2026 does not exist in New York: that day has no occurrence, the next is 02:30 EDT on the 9th.
    assertThat(cron.next(Instant.parse("2026-03-07T12:00:00Z"))).contains(Instant.parse("2026-03-09T06:30:00Z"));
  }

  @Test
  void aTimeRepeatedByFallBackRunsOnce() {
    CronSchedule cron = CronSchedule.parse("30 1 * * *", "America/New_York");
    // 01:30 happens twice on 1 November 2026 (EDT, then EST): it runs at the first, and next on the 2nd.
    Instant first = cron.next(Instant.parse("2026-10-31T12:00:00Z")).orElseThrow();
    assertThat(first).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    assertThat(cron.next(first)).contains(Instant.parse("2026-11-02T06:30:00Z"));
  }

  @Test
  void endOfMonthDaysSkipShorterMonths() {
    CronSchedule cron = CronSchedule.parse("0 8 31 * *", "America/Sao_Paulo");
    assertThat(cron.next(Instant.parse("2026-02-01T00:00:00Z"))).contains(Instant.parse("2026-03-31T11:00:00Z"));
    CronSchedule firstOfMonth = CronSchedule.parse("0 7 1 * *", "America/Sao_Paulo");
    assertThat(firstOfMonth.next(Instant.parse("2026-01-31T23:00:00Z")))
        .contains(Instant.parse("2026-02-01T10:00:00Z"));
  }

  @Test
  void lastOccurrenceAtOrBefore() {
    CronSchedule cron = CronSchedule.parse("0 8 * * *", "America/Sao_Paulo");
    assertThat(cron.lastAtOrBefore(Instant.parse("2026-05-10T11:00:00Z"))).contains(Instant.parse("2026-05-10T11:00:00Z"));
    assertThat(cron.lastAtOrBefore(Instant.parse("2026-05-10T10:59:00Z"))).contains(Instant.parse("2026-05-09T11:00:00Z"));
  }

  @Test
  void badExpressionsAndZonesSayWhy() {
    assertThatThrownBy(() -> CronSchedule.parse("0 25 * * *", "America/Sao_Paulo"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid 5-field Unix cron");
    assertThatThrownBy(() -> CronSchedule.parse("every day", "America/Sao_Paulo"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cron 'every day'");
    assertThatThrownBy(() -> CronSchedule.parse("0 8 * * *", "Brasil/Recife"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an IANA time zone");
    assertThatThrownBy(() -> CronSchedule.parse(" ", "UTC")).hasMessageContaining("cron is required");
  }
}
