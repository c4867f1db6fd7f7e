package dev.switchboard.engine.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The booking dialogue of one conversation, a sub-state of BOT. ASK_DATE: the bot asked which day; CHOOSING: it
 * offered {@code offered} (numbered from 1); BOOKING: the provider call for {@code chosen} is under way; CONFIRM: it
 * asked the customer to confirm cancelling ({@code chosen} null) or moving {@code bookingId} to {@code chosen}.
 * {@code bookingId} is set when the dialogue is about an existing booking (reschedule, cancel). Holds no personal data.
 */
public record BookingDialogue(Stage stage, LocalDate date, String period, String time, List<Slot> offered,
                              Slot chosen, String bookingId, Instant updatedAt) {

  /** The dialogue's sub-states. */
  public enum Stage { ASK_DATE, CHOOSING, BOOKING, CONFIRM }

  public BookingDialogue {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(updatedAt, "updatedAt");
    offered = offered == null ? List.of() : List.copyOf(offered);
  }

  public static BookingDialogue asking(LocalDate date, String period, String time, String bookingId, Instant now) {
    return new BookingDialogue(Stage.ASK_DATE, date, period, time, List.of(), null, bookingId, now);
  }

  public BookingDialogue offering(List<Slot> slots, Instant now) {
    return new BookingDialogue(Stage.CHOOSING, date, period, time, slots, null, bookingId, now);
  }

  public BookingDialogue booking(Slot slot, Instant now) {
    return new BookingDialogue(Stage.BOOKING, date, period, time, offered, slot, bookingId, now);
  }

  public BookingDialogue confirming(Slot slot, Instant now) {
    return new BookingDialogue(Stage.CONFIRM, date, period, time, offered, slot, bookingId, now);
  }

  public boolean rescheduling() {
    return bookingId != null;
  }

  public boolean expired(Instant now, Duration timeout) {
    return stage != Stage.BOOKING && updatedAt.plus(timeout).isBefore(now);
  }
}
