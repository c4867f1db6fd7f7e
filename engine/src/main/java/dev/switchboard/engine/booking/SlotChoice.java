package dev.switchboard.engine.booking;

import dev.switchboard.engine.text.TextNormalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a customer answered to a numbered offer: a slot by number ("2", "a segunda opção", "o primeiro") or by time
 * ("o das 10h", "pode ser às 9"), none of them ("nenhum", "outro dia"), a change of mind ("mudei de ideia", "deixa
 * pra lá"), or something else. Pure: the time is read by the caller's extraction.
 */
public final class SlotChoice {

  /** The outcome of reading an answer. */
  public sealed interface Choice {
  }

  public record Picked(Slot slot) implements Choice {
  }

  /** A number or time that is not among the offered slots. */
  public record NotOffered(String asked) implements Choice {
  }

  public record NoneFits() implements Choice {
  }

  public record ChangedMind() implements Choice {
  }

  public record Unclear() implements Choice {
  }

  private static final Pattern NUMBER = Pattern.compile(
      "^(?:(?:quero|prefiro|pode ser|escolho|fico com) )?(?:(?:o|a) )?(?:(?:opcao|numero|horario|n) )?(\\d{1,2})"
          + "(?: (?:opcao|por favor|pf|pfv))?$");
  private static final Map<String, Integer> ORDINALS = Map.of("primeiro", 1, "primeira", 1, "segundo", 2,
      "segunda", 2, "terceiro", 3, "terceira", 3, "quarto", 4, "quarta", 4, "quinto", 5, "quinta", 5);
  private static final Pattern ORDINAL = Pattern.compile(
      "\\b(primeir[oa]|segund[oa]|terceir[oa]|quart[oa]|quint[oa])( (opcao|horario|opcoes))?\\b");
  private static final Pattern NONE = Pattern.compile("\\b(nenhum|nenhuma|nao serve|nao posso|nao da|outro dia"
      + "|outra data|outro horario|outros horarios|nao consigo)\\b");
  private static final Pattern CHANGED_MIND = Pattern.compile("\\b(mudei de ideia|deixa pra la|deixa para la"
      + "|esquece|nao quero mais|desisto|desisti|nao precisa mais|deixa quieto|cancela isso)\\b");

  private SlotChoice() {
  }

  /**
   * @param time "HH:mm" the customer named, or null; {@code date} the day they named, or null
   */
  public static Choice read(String text, String time, LocalDate date, List<Slot> offered, ZoneId zone) {
    String folded = TextNormalizer.fold(text);
    if (CHANGED_MIND.matcher(folded).find()) {
      return new ChangedMind();
    }
    Matcher number = NUMBER.matcher(folded);
    if (number.matches()) {
      return byIndex(Integer.parseInt(number.group(1)), offered);
    }
    Matcher ordinal = ORDINAL.matcher(folded);
    // "segunda" alone is also Monday: an ordinal counts only as an answer that names it as an option or stands alone.
    if (ordinal.find() && (ordinal.group(2) != null || folded.split(" ").length <= 3 && time == null && date == null)) {
      return byIndex(ORDINALS.get(ordinal.group(1)), offered);
    }
    if (time != null) {
      LocalTime wanted = LocalTime.parse(time);
      for (Slot s : offered) {
        var local = s.start().atZone(zone);
        if (local.toLocalTime().equals(wanted) && (date == null || local.toLocalDate().equals(date))) {
          return new Picked(s);
        }
      }
      return new NotOffered(time);
    }
    if (NONE.matcher(folded).find()) {
      return new NoneFits();
    }
    return new Unclear();
  }

  private static Choice byIndex(int n, List<Slot> offered) {
    return n >= 1 && n <= offered.size() ? new Picked(offered.get(n - 1)) : new NotOffered(String.valueOf(n));
  }
}
