package dev.switchboard.engine.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.time.Instant;

/**
 * A sandbox calendar's free slots: weekdays from {@code open} to {@code close} in the tenant's zone, every
 * {@code length}, minus the starts already taken. For demos and tests; a real calendar answers the same question.
 */
public record SandboxSlots(ZoneId zone, LocalTime open, LocalTime close, Duration length) {
  public SandboxSlots {
    if (length.toMinutes() < 5 || !close.isAfter(open)) {
      throw new IllegalArgumentException("sandbox calendar: slots of at least 5 minutes between open and close");
    }
  }


  public List<Slot> free(LocalDate from, LocalDate to, Set<Instant> taken) {
    List<Slot> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      long step = length.toMinutes();
      for (long m = open.toSecondOfDay() / 60; m + step <= close.toSecondOfDay() / 60; m += step) {
        Instant start = d.atTime(LocalTime.ofSecondOfDay(m * 60)).atZone(zone).toInstant();
        if (!taken.contains(start)) {
          out.add(new Slot(start, start.plus(length)));
        }
      }
    }
    return out;
  }
}
