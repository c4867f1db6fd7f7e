package dev.switchboard.engine.ai.extract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money as customers type it: "R$ 1.250,90", "R$1500", "150 reais", "89,90", and a bare number after a payment
 * word ("paguei 80", "o valor é 120", "parcela de 99"). Brazilian notation: dots group thousands, a comma separates
 * the cents. Returned with two decimals. Dates, times and phone numbers are masked before this runs.
 */
final class Amounts {
  private static final String NUMBER = "(\\d{1,3}(?:\\.\\d{3})+(?:,\\d{1,2})?|\\d+(?:,\\d{1,2})?)";
  private static final Pattern WITH_SIGN = Pattern.compile("r\\$ ?" + NUMBER);
  private static final Pattern WITH_WORD = Pattern.compile("(?<![\\d.,])" + NUMBER + " ?(reais|real|contos?|pila)\\b");
  private static final Pattern AFTER_CUE = Pattern.compile("\\b(paguei|pago|pagar|pagou|pagamos|valor|custa|custou"
      + "|cobraram|cobrou|cobrado|parcelas? de|pix de|deu|foram|total|orcamento de)(?: (?:e|de|foi|do|da|o|a|um|uma))* "
      + "(?<![\\d.,])" + NUMBER + "(?![\\d/:h])");
  private static final Pattern CENTS = Pattern.compile("(?<![\\d.,])(\\d{1,3}(?:\\.\\d{3})*,\\d{2})(?![\\d,])");

  private Amounts() {
  }

  /** The first amount, or null. {@code lower} is the masked text in lower case, accents kept. */
  static BigDecimal amount(String lower) {
    for (Pattern p : new Pattern[] {WITH_SIGN, WITH_WORD, CENTS}) {
      Matcher m = p.matcher(lower);
      if (m.find()) {
        return parse(m.group(1));
      }
    }
    Matcher m = AFTER_CUE.matcher(lower);
    return m.find() ? parse(m.group(2)) : null;
  }

  private static BigDecimal parse(String number) {
    String plain = number.replace(".", "").replace(',', '.');
    return new BigDecimal(plain).setScale(2, RoundingMode.HALF_UP);
  }
}
