package dev.switchboard.engine.ai.extract;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Brazilian customers write them, resolved against a given day (never the wall clock, so results are
 * reproducible): "hoje", "amanhã", "depois de amanhã", "ontem", "anteontem"; weekdays ("sexta", "segunda-feira") are
 * the next one after today, or the last one before it with "passada"/"última"; "dia 5" is the next 5th (today
 * included); "05/12" and "5 de dezembro" the nearest such date, past or future. Vague references ("semana que vem",
 * "semana retrasada") give no date. With two dates and a change of plan ("de terça pra quinta", "em vez de"), the
 * new one wins. Works on folded text (lower case, no accents).
 */
final class DateExpressions {
  private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("segunda", DayOfWeek.MONDAY, "terca", DayOfWeek.TUESDAY,
      "quarta", DayOfWeek.WEDNESDAY, "quinta", DayOfWeek.THURSDAY, "sexta", DayOfWeek.FRIDAY,
      "sabado", DayOfWeek.SATURDAY, "domingo", DayOfWeek.SUNDAY);
  private static final List<String> MONTHS = List.of("janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho",
      "agosto", "setembro", "outubro", "novembro", "dezembro");
  private static final Pattern RELATIVE = Pattern.compile("\\b(depois de amanha|anteontem|amanha|hoje|ontem)\\b");
  private static final Pattern WEEKDAY = Pattern.compile(
      "\\b(?:(ultima|ultimo) )?(segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)?(?: (passada|passado))?\\b"
          + "(?! (vez|via|opcao|mao))");
  private static final Pattern DAY_OF_MONTH = Pattern.compile("\\bdia (\\d{1,2})\\b(?! \\d)");
  private static final Pattern NUMERIC = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?:/(\\d{2}|\\d{4}))?(?![\\d/])");
  private static final Pattern SPELLED_MONTH = Pattern.compile("\\b(\\d{1,2}) de (" + String.join("|", MONTHS) + ")\\b");
  private static final Pattern CHANGE = Pattern.compile("\\b(troca\\w*|mud\\w*|pass\\w*|remarc\\w*|reagend\\w*|antecip\\w*"
      + "|adi\\w*|em vez|ao inves)\\b");

  private DateExpressions() {
  }

  private record Found(int at, LocalDate date) {
  }

  /** The date the text means, or null. {@code raw} is the text as typed (for "05/12"), {@code folded} its folded form. */
  static LocalDate resolve(String raw, String folded, LocalDate today) {
    List<Found> found = new ArrayList<>();
    Matcher m = RELATIVE.matcher(folded);
    while (m.find()) {
      found.add(new Found(m.start(), switch (m.group(1)) {
        case "depois de amanha" -> today.plusDays(2);
        case "amanha" -> today.plusDays(1);
        case "ontem" -> today.minusDays(1);
        case "anteontem" -> today.minusDays(2);
        default -> today;
      }));
    }
    m = WEEKDAY.matcher(folded);
    while (m.find()) {
      DayOfWeek day = WEEKDAYS.get(m.group(2));
      boolean past = m.group(1) != null || m.group(3) != null;
      found.add(new Found(m.start(), today.with(past ? TemporalAdjusters.previous(day) : TemporalAdjusters.next(day))));
    }
    m = DAY_OF_MONTH.matcher(folded);
    while (m.find()) {
      LocalDate date = nextDayOfMonth(today, Integer.parseInt(m.group(1)));
      if (date != null) {
        found.add(new Found(m.start(), date));
      }
    }
    m = SPELLED_MONTH.matcher(folded);
    while (m.find()) {
      LocalDate date = nearest(today, Integer.parseInt(m.group(1)), MONTHS.indexOf(m.group(2)) + 1, null);
      if (date != null) {
        found.add(new Found(m.start(), date));
      }
    }
    m = NUMERIC.matcher(raw);
    while (m.find()) {
      Integer year = m.group(3) == null ? null
          : m.group(3).length() == 2 ? 2000 + Integer.parseInt(m.group(3)) : Integer.parseInt(m.group(3));
      LocalDate date = nearest(today, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), year);
      if (date != null) {
        // Positions in the raw text and the folded text differ a little; order among dates is what matters.
        found.add(new Found(m.start(), date));
      }
    }
    if (found.isEmpty()) {
      return null;
    }
    found.sort((a, b) -> Integer.compare(a.at(), b.at()));
    boolean change = found.size() > 1 && CHANGE.matcher(folded).find();
    return (change ? found.get(found.size() - 1) : found.get(0)).date();
  }

  private static LocalDate nextDayOfMonth(LocalDate today, int day) {
    for (int months = 0; months <= 2; months++) {
      LocalDate month = today.plusMonths(months);
      if (day >= 1 && day <= month.lengthOfMonth()) {
        LocalDate candidate = month.withDayOfMonth(day);
        if (!candidate.isBefore(today)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** With a year, that date; without, the occurrence nearest to today (ties go to the future). */
  private static LocalDate nearest(LocalDate today, int day, int month, Integer year) {
    try {
      if (year != null) {
        return LocalDate.of(year, month, day);
      }
      LocalDate best = null;
      for (int y = today.getYear() - 1; y <= today.getYear() + 1; y++) {
        LocalDate candidate = safe(y, month, day);
        if (candidate != null && (best == null || distance(today, candidate) < distance(today, best)
            || distance(today, candidate) == distance(today, best) && candidate.isAfter(best))) {
          best = candidate;
        }
      }
      return best;
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static LocalDate safe(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static long distance(LocalDate a, LocalDate b) {
    return Math.abs(a.toEpochDay() - b.toEpochDay());
  }
}
