package dev.switchboard.engine.booking;

/**
 * Where a booking is. REQUESTED: the provider call is in the outbox; CONFIRMED: the provider accepted it; FAILED: it
 * refused (slot taken, 4xx, retries exhausted); CANCELLED; NO_SHOW: the slot ended without attendance.
 */
public enum BookingStatus {
  REQUESTED, CONFIRMED, FAILED, CANCELLED, NO_SHOW, COMPLETED;

  /** A booking that still holds its slot and gets reminders. */
  public boolean active() {
    return this == REQUESTED || this == CONFIRMED;
  }
}
