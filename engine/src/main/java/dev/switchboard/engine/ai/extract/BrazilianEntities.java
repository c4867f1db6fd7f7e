package dev.switchboard.engine.ai.extract;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.ai.guard.Documents;
import dev.switchboard.engine.text.TextNormalizer;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic extraction of what Brazilian customers write, against a given day. Field names and formats (the
 * same in docs/ai.md and in the API): {@code date} ISO "2026-11-27"; {@code time} "HH:mm"; {@code period} morning,
 * afternoon or evening; {@code amount} a JSON number in reais; {@code cep} "01310-100"; {@code phone} E.164
 * "+5511987654321"; {@code email} lower case; {@code cpf} and {@code cnpj} digits only, check digits verified.
 */
public final class BrazilianEntities {
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Pattern CPF = Pattern.compile("(?<!\\d)(\\d{3})\\.?(\\d{3})\\.?(\\d{3})-?(\\d{2})(?!\\d)");
  private static final Pattern CNPJ = Pattern.compile("(?<!\\d)(\\d{2})\\.?(\\d{3})\\.?(\\d{3})/?(\\d{4})-?(\\d{2})(?!\\d)");
  private static final Pattern CEP_FORMATTED = Pattern.compile("(?<![\\d.])(\\d{2})\\.?(\\d{3})-(\\d{3})(?!\\d)");
  private static final Pattern CEP_AFTER_WORD = Pattern.compile("\\bcep\\W{0,3}(\\d{2})\\.?(\\d{3})[-\\s]?(\\d{3})(?!\\d)");
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\d])(?:\\+?55[\\s-]?)?\\(?0?(\\d{2})\\)?[\\s-]?(9?\\d{4})[\\s-]?(\\d{4})(?!\\d)");
  private static final Pattern CLOCK = Pattern.compile("(\\d):(\\d{2})");
  private static final Pattern NOT_MONEY = Pattern.compile("(?<![\\d.,])\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?(?![\\d])"
      + "|\\b\\d{1,2}(?:h\\d{0,2}|:\\d{2})|\\bdia \\d{1,2}\\b|\\b\\d{1,2} ?x\\b|\\b(?:as|às) \\d{1,2}\\b");

  private BrazilianEntities() {
  }

  public static ObjectNode extract(String text, LocalDate today) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (text == null || text.isBlank()) {
      return out;
    }
    String rest = text;
    Matcher email = EMAIL.matcher(rest);
    if (email.find()) {
      out.put("email", email.group().toLowerCase(Locale.ROOT));
    }
    rest = EMAIL.matcher(rest).replaceAll(" ");
    rest = documents(rest, out);
    rest = cep(rest, out);
    rest = phone(rest, out);
    String folded = TextNormalizer.fold(rest);
    LocalDate date = DateExpressions.resolve(rest, folded, today);
    if (date != null) {
      out.put("date", date.format(DateTimeFormatter.ISO_LOCAL_DATE));
    }
    // Folding drops the colon of "16:00"; "16h00" survives it.
    String time = TimeExpressions.time(TextNormalizer.fold(CLOCK.matcher(rest).replaceAll("$1h$2")));
    if (time != null) {
      out.put("time", time);
    }
    String period = TimeExpressions.period(folded);
    if (period != null) {
      out.put("period", period);
    }
    BigDecimal amount = Amounts.amount(NOT_MONEY.matcher(lowerWithoutAccents(rest)).replaceAll(" "));
    if (amount != null) {
      out.put("amount", amount);
    }
    return out;
  }

  /** CPF and CNPJ with valid check digits; what was taken is blanked so no other field reads its digits. */
  private static String documents(String text, ObjectNode out) {
    Matcher cnpj = CNPJ.matcher(text);
    while (cnpj.find()) {
      String digits = cnpj.group(1) + cnpj.group(2) + cnpj.group(3) + cnpj.group(4) + cnpj.group(5);
      if (Documents.validCnpj(digits)) {
        out.put("cnpj", digits);
        text = blank(text, cnpj.start(), cnpj.end());
        break;
      }
    }
    Matcher cpf = CPF.matcher(text);
    while (cpf.find()) {
      String digits = cpf.group(1) + cpf.group(2) + cpf.group(3) + cpf.group(4);
      if (Documents.validCpf(digits)) {
        out.put("cpf", digits);
        text = blank(text, cpf.start(), cpf.end());
        break;
      }
    }
    return text;
  }

  private static String cep(String text, ObjectNode out) {
    Matcher m = CEP_AFTER_WORD.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.find()) {
      m = CEP_FORMATTED.matcher(text);
      if (!m.find()) {
        return text;
      }
    }
    out.put("cep", m.group(1) + m.group(2) + "-" + m.group(3));
    return blank(text, m.start(), m.end());
  }

  private static String phone(String text, ObjectNode out) {
    Matcher m = PHONE.matcher(text);
    while (m.find()) {
      String local = m.group(2) + m.group(3);
      if (local.length() == 9 && local.charAt(0) == '9' || local.length() == 8) {
        out.put("phone", "+55" + m.group(1) + local);
        return blank(text, m.start(), m.end());
      }
    }
    return text;
  }

  private static String blank(String text, int start, int end) {
    return text.substring(0, start) + " ".repeat(end - start) + text.substring(end);
  }

  /** Lower case without accents, punctuation kept ("R$ 1.250,00" stays readable as money). */
  private static String lowerWithoutAccents(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
  }
}
