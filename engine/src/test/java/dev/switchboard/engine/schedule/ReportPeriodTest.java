package dev.switchboard.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

  @Test
  void periodsCountBackFromTheRunDay() {
    LocalDate march1 = LocalDate.of(2028, 3, 1);
    assertThat(ReportPeriod.LAST_MONTH.range(march1))
        .isEqualTo(new ReportPeriod.Range(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29)));
    assertThat(ReportPeriod.LAST_MONTH.range(LocalDate.of(2026, 1, 15)))
        .isEqualTo(new ReportPeriod.Range(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)));
    assertThat(ReportPeriod.YESTERDAY.range(march1))
        .isEqualTo(new ReportPeriod.Range(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 2, 29)));
    assertThat(ReportPeriod.LAST_7_DAYS.range(march1))
        .isEqualTo(new ReportPeriod.Range(LocalDate.of(2028, 2, 23), LocalDate.of(2028, 2, 29)));
    assertThat(ReportPeriod.fromWire("last-month")).contains(ReportPeriod.LAST_MONTH);
    assertThat(ReportPeriod.LAST_7_DAYS.range(march1).label()).isEqualTo("23/02/2028 a 29/02/2028");
  }
}
