package dev.switchboard.engine.ai.extract;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.ai.guard.Documents;
import dev.switchboard.engine.text.TextNormalizer;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.DateTimeException;

/**
 * Deterministic extraction of what Brazilian customers write: dates ("amanhã", "sexta", "dia 5", "05/12"),
 * periods ("à tarde"), times ("14h30", "às 9h"), phones, e-mails, CPF and CNPJ (check digits verified), money
 * ("R$ 1.200,00") and CEP. Field names: date, period, time, phone, email, cpf, cnpj, amount, cep.
 */
public final class BrazilianEntities {
  private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("segunda", DayOfWeek.MONDAY, "terca", DayOfWeek.TUESDAY,
      "quarta", DayOfWeek.WEDNESDAY, "quinta", DayOfWeek.THURSDAY, "sexta", DayOfWeek.FRIDAY,
      "sabado", DayOfWeek.SATURDAY, "domingo", DayOfWeek.SUNDAY);
  private static final Pattern DAY_OF_MONTH = Pattern.compile("\\bdia (\\d{1,2})\\b");
  private static final Pattern NUMERIC_DATE = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?(?![\\d/])");
  private static final Pattern TIME = Pattern.compile("(?<![\\d:])([01]?\\d|2[0-3])(?:h([0-5]\\d)?|:([0-5]\\d))(?![\\d])");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Pattern CPF = Pattern.compile("(?<!\\d)(\\d{3})\\.?(\\d{3})\\.?(\\d{3})-?(\\d{2})(?!\\d)");
  private static final Pattern CNPJ = Pattern.compile("(?<!\\d)(\\d{2})\\.?(\\d{3})\\.?(\\d{3})/?(\\d{4})-?(\\d{2})(?!\\d)");
  private static final Pattern MONEY = Pattern.compile("R\\$\\s?(\\d{1,3}(?:\\.\\d{3})*|\\d+)(?:,(\\d{2}))?");
  private static final Pattern CEP = Pattern.compile("(?<![\\d.])(\\d{5})-(\\d{3})(?!\\d)");
  private static final Pattern PHONE = Pattern.compile("(?<![\\d])(?:\\+?55\\s?)?\\(?(\\d{2})\\)?\\s?(9?\\d{4})[-\\s]?(\\d{4})(?!\\d)");

  private BrazilianEntities() {
  }

  public static ObjectNode extract(String text, LocalDate today) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    String folded = TextNormalizer.fold(text);
    date(text, folded, today, out);
    if (folded.matches(".*\\b(de manha|pela manha|manha)\\b.*")) {
      out.put("period", "manha");
    } else if (folded.matches(".*\\b(a tarde|de tarde|pela tarde|tarde)\\b.*") && !folded.contains("boa tarde")) {
      out.put("period", "tarde");
    } else if (folded.matches(".*\\b(a noite|de noite|noite)\\b.*") && !folded.contains("boa noite")) {
      out.put("period", "noite");
    }
    Matcher time = TIME.matcher(text);
    if (time.find()) {
      String minutes = time.group(2) != null ? time.group(2) : time.group(3) != null ? time.group(3) : "00";
      out.put("time", String.format("%02d:%s", Integer.parseInt(time.group(1)), minutes));
    }
    Matcher email = EMAIL.matcher(text);
    if (email.find()) {
      out.put("email", email.group());
    }
    String withoutEmail = EMAIL.matcher(text).replaceAll(" ");
    Matcher cnpj = CNPJ.matcher(withoutEmail);
    while (cnpj.find()) {
      String digits = cnpj.group(1) + cnpj.group(2) + cnpj.group(3) + cnpj.group(4) + cnpj.group(5);
      if (Documents.validCnpj(digits)) {
        out.put("cnpj", digits);
        break;
      }
    }
    Matcher cpf = CPF.matcher(withoutEmail);
    while (cpf.find()) {
      String digits = cpf.group(1) + cpf.group(2) + cpf.group(3) + cpf.group(4);
      if (Documents.validCpf(digits)) {
        out.put("cpf", digits);
        break;
      }
    }
    Matcher money = MONEY.matcher(text);
    if (money.find()) {
      String cents = money.group(2) == null ? "00" : money.group(2);
      out.put("amount", new BigDecimal(money.group(1).replace(".", "") + "." + cents));
    }
    Matcher cep = CEP.matcher(text);
    if (cep.find()) {
      out.put("cep", cep.group(1) + "-" + cep.group(2));
    }
    String noDocs = CPF.matcher(CNPJ.matcher(withoutEmail).replaceAll(" ")).replaceAll(" ");
    Matcher phone = PHONE.matcher(noDocs);
    while (phone.find()) {
      String local = phone.group(2) + phone.group(3);
      if (local.length() == 9 && local.charAt(0) == '9' || local.length() == 8) {
        out.put("phone", "+55" + phone.group(1) + local);
        break;
      }
    }
    return out;
  }

  private static void date(String text, String folded, LocalDate today, ObjectNode out) {
    LocalDate date = null;
    if (folded.contains("depois de amanha")) {
      date = today.plusDays(2);
    } else if (folded.matches(".*\\bamanha\\b.*")) {
      date = today.plusDays(1);
    } else if (folded.matches(".*\\bhoje\\b.*")) {
      date = today;
    }
    if (date == null) {
      for (Map.Entry<String, DayOfWeek> day : WEEKDAYS.entrySet()) {
        if (folded.matches(".*\\b" + day.getKey() + "\\b.*")) {
          date = today.with(TemporalAdjusters.next(day.getValue()));
          break;
        }
      }
    }
    Matcher dayOfMonth = DAY_OF_MONTH.matcher(folded);
    if (date == null && dayOfMonth.find()) {
      int d = Integer.parseInt(dayOfMonth.group(1));
      if (d >= 1 && d <= 31) {
        LocalDate candidate = today.withDayOfMonth(Math.min(d, today.lengthOfMonth()));
        date = candidate.isBefore(today) ? today.plusMonths(1).withDayOfMonth(Math.min(d,
            today.plusMonths(1).lengthOfMonth())) : candidate;
      }
    }
    Matcher numeric = NUMERIC_DATE.matcher(text);
    if (date == null && numeric.find()) {
      try {
        int d = Integer.parseInt(numeric.group(1));
        int m = Integer.parseInt(numeric.group(2));
        int y = numeric.group(3) == null ? today.getYear()
            : Integer.parseInt(numeric.group(3)) < 100 ? 2000 + Integer.parseInt(numeric.group(3))
            : Integer.parseInt(numeric.group(3));
        LocalDate candidate = LocalDate.of(y, m, d);
        date = numeric.group(3) == null && candidate.isBefore(today) ? candidate.plusYears(1) : candidate;
      } catch (DateTimeException e) {
        date = null;
      }
    }
    if (date != null) {
      out.put("date", date.format(DateTimeFormatter.ISO_LOCAL_DATE));
    }
  }
}
