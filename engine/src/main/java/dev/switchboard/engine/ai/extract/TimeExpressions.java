package dev.switchboard.engine.ai.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times of day and parts of the day, on folded text: "14h30", "9h", "14:30", "10pm", "às 8", "3 da tarde",
 * "cinco e quinze", "uma e meia da tarde", "meio-dia", "meia-noite". A time without a part of the day is taken as
 * written ("às 8" is 08:00); "da tarde"/"da noite" move it after noon. The part of the day ("de manhã", "à tarde",
 * "à noite", also in "3 da tarde") is reported as morning, afternoon or evening; greetings ("boa tarde") and
 * "mais tarde" are not parts of the day.
 */
final class TimeExpressions {
  private static final List<String> HOURS = List.of("zero", "uma", "duas", "tres", "quatro", "cinco", "seis", "sete",
      "oito", "nove", "dez", "onze", "doze");
  private static final String SPOKEN_HOUR = "(uma|duas|tres|quatro|cinco|seis|sete|oito|nove|dez|onze|doze)";
  private static final String SPOKEN_MINUTES = "(?: e (meia|quinze|dez|vinte|vinte e cinco|trinta|quarenta"
      + "|quarenta e cinco|cinco|cinquenta))?";
  private static final String PART = "(?: (?:da|de|pela) (manha|tarde|noite))?";
  private static final Pattern DIGITS = Pattern.compile(
      "(?<![\\d/,.])([01]?\\d|2[0-3])(?:h ?([0-5]\\d)?| ?horas?|:([0-5]\\d)| ?(am|pm))(?![\\d/])" + PART);
  private static final Pattern AFTER_AS = Pattern.compile("\\b(?:as|a|pelas|depois das|antes das) (\\d{1,2})"
      + "(?: e (meia|\\d{2}))?(?![\\d/h:])" + PART);
  private static final Pattern SPOKEN = Pattern.compile("\\b(?:(as|pelas|depois das|antes das) )?" + SPOKEN_HOUR
      + SPOKEN_MINUTES + "(?: horas?)?" + PART);
  private static final Pattern NOON = Pattern.compile("\\b(meio dia|meia noite)\\b");
  private static final Pattern PERIOD = Pattern.compile("\\b(manha|tarde|noite)\\b");

  private TimeExpressions() {
  }

  /** "HH:mm", or null. */
  static String time(String folded) {
    Matcher m = NOON.matcher(folded);
    if (m.find()) {
      return m.group(1).equals("meio dia") ? "12:00" : "00:00";
    }
    m = DIGITS.matcher(folded);
    if (m.find()) {
      int hour = Integer.parseInt(m.group(1));
      String minutes = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : "00";
      if ("pm".equals(m.group(4)) && hour < 12) {
        hour += 12;
      } else if ("am".equals(m.group(4)) && hour == 12) {
        hour = 0;
      }
      return format(afternoon(hour, m.group(5)), minutes);
    }
    m = AFTER_AS.matcher(folded);
    if (m.find()) {
      int hour = Integer.parseInt(m.group(1));
      if (hour <= 23) {
        String minutes = m.group(2) == null ? "00" : m.group(2).equals("meia") ? "30" : m.group(2);
        return Integer.parseInt(minutes) < 60 ? format(afternoon(hour, m.group(3)), minutes) : null;
      }
    }
    m = SPOKEN.matcher(folded);
    while (m.find()) {
      // A bare "uma" or "duas" is an article or a count: only "às cinco", "cinco e quinze", "uma da tarde" are times.
      if (m.group(1) == null && m.group(3) == null && m.group(4) == null && !m.group().endsWith("hora")
          && !m.group().endsWith("horas")) {
        continue;
      }
      int hour = HOURS.indexOf(m.group(2));
      return format(afternoon(hour, m.group(4)), spokenMinutes(m.group(3)));
    }
    return null;
  }

  /** morning, afternoon or evening, or null. */
  static String period(String folded) {
    Matcher m = PERIOD.matcher(folded);
    while (m.find()) {
      String before = folded.substring(0, m.start());
      if (before.endsWith("boa ") || before.endsWith("bom ") || before.endsWith("mais ")) {
        continue;
      }
      return switch (m.group(1)) {
        case "manha" -> "morning";
        case "tarde" -> "afternoon";
        default -> "evening";
      };
    }
    return null;
  }

  private static int afternoon(int hour, String part) {
    if (part == null || hour >= 12) {
      return hour;
    }
    return part.equals("tarde") || part.equals("noite") && hour >= 5 ? hour + 12 : hour;
  }

  private static String spokenMinutes(String words) {
    if (words == null) {
      return "00";
    }
    return switch (words) {
      case "meia", "trinta" -> "30";
      case "quinze" -> "15";
      case "dez" -> "10";
      case "vinte" -> "20";
      case "vinte e cinco" -> "25";
      case "quarenta" -> "40";
      case "quarenta e cinco" -> "45";
      case "cinco" -> "05";
      default -> "50";
    };
  }

  private static String format(int hour, String minutes) {
    return String.format("%02d:%s", hour % 24, minutes);
  }
}
