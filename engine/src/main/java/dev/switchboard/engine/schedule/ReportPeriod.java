package dev.switchboard.engine.schedule;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;

/**
 * The days a report covers, counted back from the day of its occurrence in the schedule's zone: a report run at
 * 08:00 on 1 March for {@code last-month} covers 1–28 (or 29) February. Both ends are inclusive.
 */
public enum ReportPeriod {
  TODAY("today"), YESTERDAY("yesterday"), LAST_7_DAYS("last-7-days"), LAST_30_DAYS("last-30-days"),
  LAST_MONTH("last-month"), MONTH_TO_DATE("month-to-date");

  private final String wire;

  ReportPeriod(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<ReportPeriod> fromWire(String value) {
    return Arrays.stream(values()).filter(p -> p.wire.equals(value)).findFirst();
  }

  /** The first and last day covered when run on {@code runDay}. */
  public Range range(LocalDate runDay) {
    return switch (this) {
      case TODAY -> new Range(runDay, runDay);
      case YESTERDAY -> new Range(runDay.minusDays(1), runDay.minusDays(1));
      case LAST_7_DAYS -> new Range(runDay.minusDays(7), runDay.minusDays(1));
      case LAST_30_DAYS -> new Range(runDay.minusDays(30), runDay.minusDays(1));
      case LAST_MONTH -> {
        LocalDate first = runDay.withDayOfMonth(1).minusMonths(1);
        yield new Range(first, first.withDayOfMonth(first.lengthOfMonth()));
      }
      case MONTH_TO_DATE -> new Range(runDay.withDayOfMonth(1), runDay);
    };
  }

  /** Inclusive days. */
  public record Range(LocalDate from, LocalDate to) {
    public String label() {
      DateTimeFormatter br = DateTimeFormatter.ofPattern("dd/MM/yyyy");
      return from.equals(to) ? from.format(br) : from.format(br) + " a " + to.format(br);
    }
  }
}
