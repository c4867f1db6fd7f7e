package dev.switchboard.engine.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
  /** Weekdays 08:00-12:00 and 13:00-18:00, Saturday morning, Christmas off, in São Paulo (UTC-3). */
  private static final BusinessHours CLINIC = BusinessHours.parse("America/Sao_Paulo", Map.of(
      "mon", List.of("08:00-12:00", "13:00-18:00"), "tue", List.of("08:00-12:00", "13:00-18:00"),
      "wed", List.of("08:00-12:00", "13:00-18:00"), "thu", List.of("08:00-12:00", "13:00-18:00"),
      "fri", List.of("08:00-12:00", "13:00-18:00"), "sat", List.of("08:00-12:00")), List.of("2026-12-25"));

  @Test
  void openAndClosedInTheTenantsZone() {
    // Wednesday 2 December 2026.
    assertThat(CLINIC.isOpen(Instant.parse("2026-12-02T11:00:00Z"))).isTrue();   // 08:00 local
    assertThat(CLINIC.isOpen(Instant.parse("2026-12-02T10:59:59Z"))).isFalse();  // 07:59:59
    assertThat(CLINIC.isOpen(Instant.parse("2026-12-02T15:30:00Z"))).isFalse();  // lunch, 12:30
    assertThat(CLINIC.isOpen(Instant.parse("2026-12-02T21:00:00Z"))).isFalse();  // 18:00, closed
    assertThat(CLINIC.isOpen(Instant.parse("2026-12-06T13:00:00Z"))).isFalse();  // Sunday
    assertThat(CLINIC.isOpen(Instant.parse("2026-12-25T14:00:00Z"))).isFalse();  // Christmas, a Friday
  }

  @Test
  void nextOpeningSkipsNightsWeekendsAndHolidays() {
    assertThat(CLINIC.nextOpening(Instant.parse("2026-12-03T06:00:00Z")).orElseThrow().toInstant())
        .isEqualTo(Instant.parse("2026-12-03T11:00:00Z"));   // 03:00 Thursday → 08:00
    assertThat(CLINIC.nextOpening(Instant.parse("2026-12-05T16:00:00Z")).orElseThrow().toInstant())
        .isEqualTo(Instant.parse("2026-12-07T11:00:00Z"));   // Saturday 13:00 → Monday 08:00
    assertThat(CLINIC.nextOpening(Instant.parse("2026-12-24T22:00:00Z")).orElseThrow().toInstant())
        .isEqualTo(Instant.parse("2026-12-26T11:00:00Z"));   // Christmas Eve 19:00 → Saturday 26th 08:00
    assertThat(CLINIC.nextOpening(Instant.parse("2026-12-02T15:30:00Z")).orElseThrow().toInstant())
        .isEqualTo(Instant.parse("2026-12-02T16:00:00Z"));   // lunch → 13:00
  }

  @Test
  void closedSinceIsTheEndOfTheLastInterval() {
    assertThat(CLINIC.closedSince(Instant.parse("2026-12-03T06:00:00Z")))
        .contains(Instant.parse("2026-12-02T21:00:00Z"));    // 03:00 Thursday: closed since 18:00 Wednesday
    assertThat(CLINIC.closedSince(Instant.parse("2026-12-02T12:00:00Z"))).isEmpty();
  }

  @Test
  void noHoursMeansAlwaysOpenAndBadInputSaysWhy() {
    BusinessHours always = BusinessHours.always(ZoneId.of("America/Sao_Paulo"));
    assertThat(always.isOpen(Instant.parse("2026-12-06T06:00:00Z"))).isTrue();
    assertThat(always.defined()).isFalse();
    assertThatThrownBy(() -> BusinessHours.parse("America/Sao_Paulo", Map.of("seg", List.of("08:00-18:00")), null))
        .hasMessageContaining("not a day");
    assertThatThrownBy(() -> BusinessHours.parse("America/Sao_Paulo", Map.of("mon", List.of("18:00-08:00")), null))
        .hasMessageContaining("not a range like 08:00-18:00");
    assertThatThrownBy(() -> BusinessHours.parse("America/Sao_Paulo", Map.of(), List.of("25/12/2026")))
        .hasMessageContaining("not a date");
    assertThat(BusinessHours.parse("UTC", Map.of("sun", List.of("00:00-24:00")), null)
        .isOpen(Instant.parse("2026-12-06T23:59:59Z"))).isTrue();
  }
}
