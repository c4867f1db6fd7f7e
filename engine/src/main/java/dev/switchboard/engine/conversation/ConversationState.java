package dev.switchboard.engine.conversation;

/** Who is answering a conversation. */
public enum ConversationState {
  /** Automation answers. */
  BOT,
  /** An agent took over; the bot stays silent until hand-back. */
  HUMAN,
  /** Idle past the tenant's timeout; any inbound message reopens it as BOT. */
  CLOSED
}
