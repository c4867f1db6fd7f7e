package dev.switchboard.engine.outbound;

/** Outbox lifecycle: PENDING → SENDING → SENT | RETRY (then SENDING again) | DEAD. */
public enum CommandStatus {
  PENDING, SENDING, SENT, RETRY, DEAD
}
