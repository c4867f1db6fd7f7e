package dev.switchboard.engine.bus;

/**
 * Why a bus request failed; travels as the message failure code. A handler fails with one of these and
 * never replies "ok" to a failure.
 */
public enum FailureCode {
  BAD_PAYLOAD(400),
  NOT_FOUND(404),
  CONFLICT(409),
  QUEUE_FULL(503),
  TIMEOUT(504),
  UNAVAILABLE(503),
  INTERNAL(500);

  private final int httpStatus;

  FailureCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** Bus failure codes are ints; offset them so they never collide with Vert.x's own negative codes. */
  public int code() {
    return 1000 + ordinal();
  }

  public static FailureCode fromCode(int code) {
    int index = code - 1000;
    FailureCode[] all = values();
    return index >= 0 && index < all.length ? all[index] : INTERNAL;
  }
}
