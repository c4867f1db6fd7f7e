package dev.switchboard.engine.hours;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When a business is open: intervals per weekday ({@code "08:00-18:00"}, several a day allowed, {@code "24:00"} as
 * an end) in a zone, minus holidays (whole days). Empty weeks mean always open — a tenant without hours is never
 * "closed". Looks at most 14 days ahead for the next opening.
 */
public final class BusinessHours {
  private static final int LOOKAHEAD_DAYS = 14;
  private final ZoneId zone;
  private final Map<DayOfWeek, List<LocalTime[]>> week;
  private final Set<LocalDate> holidays;

  private BusinessHours(ZoneId zone, Map<DayOfWeek, List<LocalTime[]>> week, Set<LocalDate> holidays) {
    this.zone = zone;
    this.week = week;
    this.holidays = holidays;
  }

  /** Always open. */
  public static BusinessHours always(ZoneId zone) {
    return new BusinessHours(zone, Map.of(), Set.of());
  }

  /**
   * Parses {@code weekly} (keys mon, tue, wed, thu, fri, sat, sun; values like {@code "08:00-12:00"}) and
   * {@code holidays} (ISO dates), or throws {@link IllegalArgumentException} with the reason.
   */
  public static BusinessHours parse(String zone, Map<String, List<String>> weekly, List<String> holidays) {
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("businessHours.zone " + zone + " is not an IANA time zone");
    }
    Map<DayOfWeek, List<LocalTime[]>> week = new EnumMap<>(DayOfWeek.class);
    (weekly == null ? Map.<String, List<String>>of() : weekly).forEach((day, ranges) -> {
      DayOfWeek dow = day(day);
      List<LocalTime[]> list = new ArrayList<>();
      for (String range : ranges == null ? List.<String>of() : ranges) {
        list.add(range(day, range));
      }
      week.put(dow, list);
    });
    Set<LocalDate> off = new HashSet<>();
    for (String h : holidays == null ? List.<String>of() : holidays) {
      try {
        off.add(LocalDate.parse(h));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("businessHours.holidays: " + h + " is not a date (YYYY-MM-DD)");
      }
    }
    return new BusinessHours(zoneId, week, off);
  }

  private static DayOfWeek day(String key) {
    return switch (key.toLowerCase(Locale.ROOT)) {
      case "mon" -> DayOfWeek.MONDAY;
      case "tue" -> DayOfWeek.TUESDAY;
      case "wed" -> DayOfWeek.WEDNESDAY;
      case "thu" -> DayOfWeek.THURSDAY;
      case "fri" -> DayOfWeek.FRIDAY;
      case "sat" -> DayOfWeek.SATURDAY;
      case "sun" -> DayOfWeek.SUNDAY;
      default -> throw new IllegalArgumentException("businessHours.weekly: " + key + " is not a day (mon … sun)");
    };
  }

  private static LocalTime[] range(String day, String range) {
    String[] parts = range.split("-");
    try {
      LocalTime from = LocalTime.parse(parts[0].trim());
      String endText = parts[1].trim();
      LocalTime to = endText.equals("24:00") ? LocalTime.MAX : LocalTime.parse(endText);
      if (parts.length != 2 || !to.isAfter(from)) {
        throw new IllegalArgumentException();
      }
      return new LocalTime[] {from, to};
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("businessHours.weekly." + day + ": " + range
          + " is not a range like 08:00-18:00");
    }
  }

  public ZoneId zone() {
    return zone;
  }

  /** Whether hours are set at all. */
  public boolean defined() {
    return !week.isEmpty();
  }

  public boolean isOpen(Instant at) {
    if (!defined()) {
      return true;
    }
    ZonedDateTime local = at.atZone(zone);
    if (holidays.contains(local.toLocalDate())) {
      return false;
    }
    LocalTime time = local.toLocalTime();
    for (LocalTime[] r : week.getOrDefault(local.getDayOfWeek(), List.of())) {
      if (!time.isBefore(r[0]) && time.isBefore(r[1])) {
        return true;
      }
    }
    return false;
  }

  /** The next moment it opens after {@code at} (at itself when open); empty when no opening within 14 days. */
  public Optional<ZonedDateTime> nextOpening(Instant at) {
    if (isOpen(at)) {
      return Optional.of(at.atZone(zone));
    }
    ZonedDateTime local = at.atZone(zone);
    for (int d = 0; d <= LOOKAHEAD_DAYS; d++) {
      LocalDate date = local.toLocalDate().plusDays(d);
      if (holidays.contains(date)) {
        continue;
      }
      for (LocalTime[] r : week.getOrDefault(date.getDayOfWeek(), List.of())) {
        ZonedDateTime start = date.atTime(r[0]).atZone(zone);
        if (start.toInstant().isAfter(at)) {
          return Optional.of(start);
        }
      }
    }
    return Optional.empty();
  }

  /** When the current closed period began (the end of the last open interval before {@code at}), if within 14 days. */
  public Optional<Instant> closedSince(Instant at) {
    if (isOpen(at)) {
      return Optional.empty();
    }
    ZonedDateTime local = at.atZone(zone);
    Instant best = null;
    for (int d = 0; d <= LOOKAHEAD_DAYS; d++) {
      LocalDate date = local.toLocalDate().minusDays(d);
      if (holidays.contains(date)) {
        continue;
      }
      for (LocalTime[] r : week.getOrDefault(date.getDayOfWeek(), List.of())) {
        Instant end = r[1].equals(LocalTime.MAX) ? date.plusDays(1).atStartOfDay(zone).toInstant()
            : date.atTime(r[1]).atZone(zone).toInstant();
        if (!end.isAfter(at) && (best == null || end.isAfter(best))) {
          best = end;
        }
      }
      if (best != null) {
        return Optional.of(best);
      }
    }
    return Optional.empty();
  }
}
