package dev.switchboard.session;

/**
 * The bot's answer to a turn: {@code text} null for silence; {@code fallback} when the AI failed; {@code booking} what
 * the booking dialogue adds to the step (calendar commands, audit), null when the turn was not about booking.
 */
record Answered(String text, boolean fallback, BookingTurn.Outcome booking) {
  Answered(String text, boolean fallback) {
    this(text, fallback, null);
  }
}
