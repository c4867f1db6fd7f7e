package dev.switchboard.engine.conversation;

/** What can move a conversation between states. */
public enum Trigger {
  /** A customer message with no special meaning. */
  INBOUND,
  /** The customer asked for a person ("atendente", "humano", "agent", ...). */
  HUMAN_REQUESTED,
  /** An agent took the conversation through the admin API. */
  AGENT_TAKEOVER,
  /** An agent gave the conversation back to the bot. */
  AGENT_HANDBACK,
  /** The conversation was idle past the tenant's timeout. */
  IDLE_TIMEOUT,
  /**
   * Not a state change: the AI failed and the customer got the fallback text. Audited (BOT to BOT) so the daily
   * roll-up and the conversation's trail show it.
   */
  AI_FALLBACK,
  /** An operator blocked the contact: kept, never answered (not a state change). */
  BLOCKED,
  /** An operator lifted the block. */
  UNBLOCKED,
  /** A person closed the conversation from the console (the next customer message opens it with the bot). */
  AGENT_CLOSE,
  /**
   * Not a state change: a person took over a conversation already with a person (the customer asked for one, or
   * another agent had it). Audited (HUMAN to HUMAN) so the trail says who has it now; not counted as a hand-off.
   */
  AGENT_CLAIM,
  // The booking dialogue, a sub-state of BOT: audited BOT to BOT, the trigger names the step.
  /** The bot asked which day. */
  BOOKING_ASK_DATE,
  /** The bot offered numbered slots. */
  BOOKING_OFFERED,
  /** The customer chose a slot; the calendar call is in the outbox. */
  BOOKING_REQUESTED,
  /** The bot asked the customer to confirm a cancellation or a move. */
  BOOKING_CONFIRM_ASKED,
  /** The calendar accepted the booking (or the move). */
  BOOKING_CONFIRMED,
  /** The calendar refused the booking (slot taken, error) or it could not be reached in time. */
  BOOKING_FAILED,
  /** The booking was cancelled. */
  BOOKING_CANCELLED,
  /** The dialogue ended without a booking (change of mind, timeout). */
  BOOKING_ENDED,
  /** The customer asked for their personal data to be erased (LGPD): handed to a person with the flag. */
  ERASURE_REQUESTED
}
