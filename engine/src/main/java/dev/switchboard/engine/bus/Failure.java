package dev.switchboard.engine.bus;

import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.Objects;

/**
 * The one error type of the engine: a {@link FailureCode} and a message for the caller that names what failed
 * ("no conversation demo:demo-whatsapp:+55…"). It crosses the bus as the message's failure code and text, and the
 * edge turns it into an HTTP answer in one place. Messages go to authenticated callers, never into logs.
 */
public final class Failure extends RuntimeException {
  private final FailureCode code;

  public Failure(FailureCode code, String message) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
  }

  public FailureCode code() {
    return code;
  }

  public static Failure notFound(String what) {
    return new Failure(FailureCode.NOT_FOUND, what);
  }

  public static Failure conflict(String why) {
    return new Failure(FailureCode.CONFLICT, why);
  }

  public static Failure badRequest(String why) {
    return new Failure(FailureCode.BAD_PAYLOAD, why);
  }

  /**
   * What any failure means for a caller: a {@code Failure} as it is; a bus reply failure by its code (a handler's
   * {@code fail(code, text)}), or as TIMEOUT / UNAVAILABLE when nobody answered; anything else INTERNAL.
   */
  public static Failure of(Throwable e) {
    if (e instanceof Failure f) {
      return f;
    }
    if (e instanceof ReplyException re) {
      if (re.failureType() == ReplyFailure.TIMEOUT) {
        return new Failure(FailureCode.TIMEOUT, "no answer in time");
      }
      if (re.failureType() == ReplyFailure.NO_HANDLERS) {
        return new Failure(FailureCode.UNAVAILABLE, "nothing serves this request right now");
      }
      return new Failure(FailureCode.fromCode(re.failureCode()), re.getMessage());
    }
    return new Failure(FailureCode.INTERNAL, "the request failed");
  }

  /** Fails a bus request with this failure's code and message. */
  public static void reply(Message<?> message, Throwable e) {
    Failure f = of(e);
    message.fail(f.code.code(), f.getMessage());
  }
}
