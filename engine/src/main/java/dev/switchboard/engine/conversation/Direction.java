package dev.switchboard.engine.conversation;

public enum Direction {
  INBOUND, OUTBOUND
}
