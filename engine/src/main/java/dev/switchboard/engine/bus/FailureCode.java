package dev.switchboard.engine.bus;

import java.util.HashMap;
import java.util.Map;

/**
 * Why a request failed, across the bus and at the HTTP edge. Each code has a fixed wire number (the bus failure
 * code: nodes of different versions must agree on it, so numbers are written here, never derived from the order of
 * the constants), the HTTP status the edge answers with, and the {@code error} name of the JSON error body.
 */
public enum FailureCode {
  BAD_PAYLOAD(1000, 400, "bad_request"),
  NOT_FOUND(1001, 404, "not_found"),
  CONFLICT(1002, 409, "conflict"),
  QUEUE_FULL(1003, 503, "unavailable"),
  TIMEOUT(1004, 504, "timeout"),
  UNAVAILABLE(1005, 503, "unavailable"),
  INTERNAL(1006, 500, "internal"),
  FORBIDDEN(1007, 403, "forbidden");

  private static final Map<Integer, FailureCode> BY_CODE = new HashMap<>();

  static {
    for (FailureCode c : values()) {
      if (BY_CODE.put(c.code, c) != null) {
        throw new ExceptionInInitializerError("failure code used twice: " + c.code);
      }
    }
  }

  private final int code;
  private final int httpStatus;
  private final String errorName;

  FailureCode(int code, int httpStatus, String errorName) {
    this.code = code;
    this.httpStatus = httpStatus;
    this.errorName = errorName;
  }

  /** The bus failure code (positive, so it never collides with Vert.x's own negative codes). */
  public int code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The {@code error} field of the HTTP error body. */
  public String errorName() {
    return errorName;
  }

  /** The code for a bus failure code; anything unknown (another version's new code) is {@link #INTERNAL}. */
  public static FailureCode fromCode(int code) {
    return BY_CODE.getOrDefault(code, INTERNAL);
  }
}
