package dev.switchboard.engine.booking;

import dev.switchboard.engine.event.ConversationKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One appointment of a contact. {@code id} is derived from the customer message that chose the slot, so a turn run
 * again after a crash finds the same booking; {@code commandId} is the outbox command of the last provider call
 * (create, reschedule or cancel); {@code providerUid} the provider's booking uid once known; {@code attendeeName} is
 * personal data (the contact's profile name, when the channel gives one).
 */
public record Booking(String id, ConversationKey key, String provider, String providerUid, Instant start,
                      Instant end, BookingStatus status, String commandId, String attendeeName, String lastError,
                      Instant createdAt, Instant updatedAt) {
  public Booking {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public Booking with(BookingStatus next, String uid, String error, Instant now) {
    return new Booking(id, key, provider, uid != null ? uid : providerUid, start, end, next, commandId, attendeeName,
        error, createdAt, now);
  }

  public Booking moved(Slot slot, String command, Instant now) {
    return new Booking(id, key, provider, providerUid, slot.start(), slot.end(), status, command, attendeeName, null,
        createdAt, now);
  }

  public Booking withCommand(String command, Instant now) {
    return new Booking(id, key, provider, providerUid, start, end, status, command, attendeeName, lastError, createdAt,
        now);
  }
}
