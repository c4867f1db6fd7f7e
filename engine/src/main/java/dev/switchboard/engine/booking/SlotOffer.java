package dev.switchboard.engine.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * Which free slots to offer: those of the asked part of the day, at least {@code lead} from now, and, when the
 * customer named a time, the ones nearest to it; at most {@code max}, in time order.
 */
public final class SlotOffer {
  private final ZoneId zone;
  private final int max;
  private final Duration lead;

  public SlotOffer(ZoneId zone, int max, Duration lead) {
    this.zone = zone;
    this.max = max;
    this.lead = lead;
  }

  public List<Slot> pick(List<Slot> free, String period, String time, Instant now) {
    Instant earliest = now.plus(lead);
    var candidates = free.stream()
        .filter(s -> !s.start().isBefore(earliest))
        .filter(s -> inPeriod(s.start().atZone(zone).toLocalTime(), period));
    if (time != null) {
      LocalTime wanted = LocalTime.parse(time);
      candidates = candidates.sorted(Comparator.comparingLong(s -> Math.abs(
          Duration.between(wanted, s.start().atZone(zone).toLocalTime()).toMinutes())));
    } else {
      candidates = candidates.sorted(Comparator.comparing(Slot::start));
    }
    return candidates.limit(max).sorted(Comparator.comparing(Slot::start)).toList();
  }

  /** The dialogue with what to offer: CHOOSING with the slots, or back to asking the day when none is free. */
  public BookingRules.Reply offer(BookingDialogue d, List<Slot> free, BookingTexts texts, Instant now) {
    List<Slot> slots = pick(free, d.period(), d.time(), now);
    if (slots.isEmpty()) {
      return new BookingRules.Reply(texts.noSlots(d.date(), d.period()),
          BookingDialogue.asking(null, null, null, d.bookingId(), now));
    }
    return new BookingRules.Reply(texts.offer(slots), d.offering(slots, now));
  }

  static boolean inPeriod(LocalTime t, String period) {
    if (period == null) {
      return true;
    }
    int h = t.getHour();
    return switch (period) {
      case "morning" -> h < 12;
      case "afternoon" -> h >= 12 && h < 18;
      default -> h >= 18;
    };
  }
}
