package dev.switchboard.engine.booking;

import dev.switchboard.engine.text.TextNormalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The booking dialogue as a pure function: the dialogue so far and what the customer said (its intent and the date,
 * period and time extracted from it) give what to do next. The session does the I/O each decision asks for
 * (fetch free slots, book, cancel) and persists the dialogue the decision carries.
 */
public final class BookingRules {
  private static final Pattern RESCHEDULE = Pattern.compile("\\b(remarc\\w*|reagend\\w*|mudar o horario|trocar o "
      + "horario|mudar a data|trocar a data|mudar (a|minha) visita|outro horario pra minha|adiar)\\b");
  /** Intents answered on the side while a dialogue waits (it stays as it was). */
  private static final Set<String> ASIDE = Set.of("pricing", "status", "complaint", "greeting", "thanks");
  private static final Pattern YES = Pattern.compile("^(sim|s|pode|pode sim|confirmo|confirma|isso|ok|claro|"
      + "quero|pode ser|certo|isso mesmo|sim por favor|sim pode)\\b");
  private static final Pattern NO = Pattern.compile("^(nao|n|negativo|melhor nao|nao quero|deixa)\\b");

  /** What the customer said, as the dialogue needs it. */
  public record Said(String text, String intent, LocalDate date, String period, String time) {
  }

  /** What to do. */
  public sealed interface Decision {
  }

  /** Not about booking: the normal answer (AI) applies and the dialogue is unchanged. */
  public record Pass() implements Decision {
  }

  /** Answer {@code text}; the dialogue becomes {@code next} (null: it ended). */
  public record Reply(String text, BookingDialogue next) implements Decision {
  }

  /** Fetch the free slots of {@code next.date()} and offer them ({@link SlotOffer#offer}). */
  public record FindSlots(BookingDialogue next) implements Decision {
  }

  /** Book {@code next.chosen()}. */
  public record Book(BookingDialogue next) implements Decision {
  }

  /** Move booking {@code next.bookingId()} to {@code next.chosen()}. */
  public record Move(BookingDialogue next) implements Decision {
  }

  /** Cancel booking {@code bookingId}. */
  public record Cancel(String bookingId) implements Decision {
  }

  private final BookingTexts texts;
  private final ZoneId zone;

  public BookingRules(BookingTexts texts, ZoneId zone) {
    this.texts = texts;
    this.zone = zone;
  }

  /** Whether a message outside a dialogue may start one (so the caller reads the contact's bookings only then). */
  public static boolean mayStart(Said said) {
    return "schedule".equals(said.intent()) || "cancel".equals(said.intent())
        || RESCHEDULE.matcher(TextNormalizer.fold(said.text())).find();
  }

  /**
   * @param upcoming the contact's next active booking, or null
   */
  public Decision next(BookingDialogue current, Said said, Booking upcoming, Instant now) {
    if (current == null) {
      return start(said, upcoming, now);
    }
    // While the calendar call is under way a change of mind waits for its outcome (then it is a cancellation).
    if (current.stage() != BookingDialogue.Stage.BOOKING
        && SlotChoice.read(said.text(), null, null, current.offered(), zone) instanceof SlotChoice.ChangedMind) {
      return new Reply(current.stage() == BookingDialogue.Stage.CONFIRM ? texts.kept(upcoming) : texts.changedMind(),
          null);
    }
    return switch (current.stage()) {
      case ASK_DATE -> askingDate(current, said, now);
      case CHOOSING -> choosing(current, said, upcoming, now);
      case BOOKING -> new Reply(texts.stillBooking(), current);
      case CONFIRM -> confirming(current, said, upcoming);
    };
  }

  private Decision start(Said said, Booking upcoming, Instant now) {
    String folded = TextNormalizer.fold(said.text());
    boolean reschedule = upcoming != null && RESCHEDULE.matcher(folded).find();
    if ("cancel".equals(said.intent()) && upcoming != null && !reschedule) {
      return new Reply(texts.confirmCancel(upcoming), new BookingDialogue(BookingDialogue.Stage.CONFIRM, null, null,
          null, null, null, upcoming.id(), now));
    }
    if (!"schedule".equals(said.intent()) && !reschedule) {
      return new Pass();
    }
    BookingDialogue d = BookingDialogue.asking(said.date(), said.period(), said.time(),
        reschedule ? upcoming.id() : null, now);
    return said.date() == null ? new Reply(texts.askDate(reschedule), d) : new FindSlots(d);
  }

  private Decision askingDate(BookingDialogue current, Said said, Instant now) {
    if (said.date() == null && said.period() == null && said.time() == null && ASIDE.contains(said.intent())) {
      return new Pass();
    }
    String period = said.period() != null ? said.period() : current.period();
    String time = said.time() != null ? said.time() : current.time();
    LocalDate date = said.date() != null ? said.date() : current.date();
    BookingDialogue d = BookingDialogue.asking(date, period, time, current.bookingId(), now);
    return date == null ? new Reply(texts.askDateAgain(), d) : new FindSlots(d);
  }

  private Decision choosing(BookingDialogue current, Said said, Booking upcoming, Instant now) {
    SlotChoice.Choice choice = SlotChoice.read(said.text(), said.time(), said.date(), current.offered(), zone);
    if (choice instanceof SlotChoice.Picked p) {
      return current.rescheduling() && upcoming != null
          ? new Reply(texts.confirmMove(upcoming, p.slot()), current.confirming(p.slot(), now))
          : new Book(current.booking(p.slot(), now));
    }
    if (said.date() != null && !(choice instanceof SlotChoice.Picked)) {
      // A new day ("e na sexta?"), with or without a time: offer that day instead.
      return new FindSlots(BookingDialogue.asking(said.date(), said.period(), said.time(), current.bookingId(), now));
    }
    if (choice instanceof SlotChoice.NoneFits) {
      return new Reply(texts.otherDay(), BookingDialogue.asking(null, null, null, current.bookingId(), now));
    }
    if (choice instanceof SlotChoice.Unclear && ASIDE.contains(said.intent())) {
      // A question on the side ("quanto custa?"): the normal answer, and the offer still stands.
      return new Pass();
    }
    String asked = choice instanceof SlotChoice.NotOffered n ? n.asked() : null;
    return new Reply(texts.invalidChoice(current.offered().size(), asked), current);
  }

  private Decision confirming(BookingDialogue current, Said said, Booking upcoming) {
    String folded = TextNormalizer.fold(said.text());
    if (NO.matcher(folded).find()) {
      return new Reply(texts.kept(upcoming), null);
    }
    if (YES.matcher(folded).find()) {
      return current.chosen() == null ? new Cancel(current.bookingId()) : new Move(current);
    }
    return new Reply(texts.answerYesNo(), current);
  }
}
