package dev.switchboard.engine.booking;

import java.time.Instant;
import java.util.Objects;

/**
 * A reminder of a booking, {@code minutesBefore} its start. Its {@code id} names the booking, the offset and the
 * start it was made for, so a moved booking's new reminders never collide with the cancelled old ones, and the
 * outbox command derived from the id is sent once.
 */
public record Reminder(String id, String bookingId, String tenantId, Instant dueAt, int minutesBefore) {
  public Reminder {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(bookingId, "bookingId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(dueAt, "dueAt");
  }

  public static Reminder of(Booking b, int minutesBefore) {
    return new Reminder(b.id() + "/remind/" + minutesBefore + "/" + b.start().getEpochSecond(), b.id(),
        b.key().tenantId(), b.start().minusSeconds(minutesBefore * 60L), minutesBefore);
  }
}
