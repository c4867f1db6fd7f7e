package dev.switchboard.engine.store;

import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingDialogue;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.booking.Reminder;
import dev.switchboard.engine.event.ConversationKey;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Bookings, their reminders and each conversation's booking dialogue. The dialogue is saved with the inbox event
 * that produced it ({@code eventKey}) and the state before it ({@code previous}): a turn run again over the same
 * event (a crash before its step committed) starts from {@code previous}, so it decides the same thing again.
 */
public interface BookingStore {

  /** A conversation's saved dialogue. */
  record DialogueRow(BookingDialogue state, BookingDialogue previous, String eventKey) {
  }

  /** The dialogue row, or null when the conversation never had one. */
  Future<DialogueRow> dialogue(ConversationKey key);

  /** {@code state} null ends the dialogue (the row keeps {@code previous} and {@code eventKey}). */
  Future<Void> saveDialogue(ConversationKey key, BookingDialogue state, BookingDialogue previous, String eventKey);

  /** Conversations whose dialogue (waiting for the customer, not for a provider) was last touched before. */
  Future<List<ConversationKey>> idleDialogues(Instant updatedBefore, int limit);

  /** Stores the booking unless one with its id exists; true when created. */
  Future<Boolean> insert(Booking booking);

  /** Replaces the booking if its status is still {@code expected}; true when applied. */
  Future<Boolean> update(Booking booking, BookingStatus expected);

  Future<Booking> get(String id);

  Future<Booking> byCommand(String commandId);

  Future<Booking> byProviderUid(String tenantId, String providerUid);

  /** The conversation's bookings, soonest first. */
  Future<List<Booking>> forConversation(ConversationKey key);

  /** A tenant's bookings, most recent start first. */
  Future<List<Booking>> list(String tenantId, int limit);

  /** Bookings in {@code status} last updated before {@code before} (stuck requests, ended slots). */
  Future<List<Booking>> inStatus(BookingStatus status, Instant before, int limit);

  Future<Void> addReminders(List<Reminder> reminders);

  /** Drops the booking's reminders not yet sent (a cancellation or a move). */
  Future<Void> cancelReminders(String bookingId);

  /**
   * Takes the reminders due at {@code now} (each once, however many nodes ask) and those taken more than
   * {@code reclaimAfter} ago and never marked sent (the node died while sending).
   */
  Future<List<Reminder>> claimDueReminders(Instant now, Instant reclaimBefore, int limit);

  Future<Void> reminderSent(String reminderId);

  /** The reminders of a booking not yet sent, soonest first. */
  Future<List<Reminder>> pendingReminders(String bookingId);
}
