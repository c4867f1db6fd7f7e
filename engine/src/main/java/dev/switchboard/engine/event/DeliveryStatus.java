package dev.switchboard.engine.event;

/**
 * Delivery state of an outbound message as providers report it. Providers deliver status webhooks out of
 * order ("read" may come before "delivered"), so a status only ever moves forward.
 */
public enum DeliveryStatus {
  NONE(0), SENT(1), DELIVERED(2), FAILED(2), READ(3);

  private final int rank;

  DeliveryStatus(int rank) {
    this.rank = rank;
  }

  /** The status to keep when {@code next} arrives while {@code this} is known. */
  public DeliveryStatus advance(DeliveryStatus next) {
    return next.rank > rank || (next == FAILED && this != READ && this != FAILED) ? next : this;
  }
}
