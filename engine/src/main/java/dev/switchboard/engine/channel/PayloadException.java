package dev.switchboard.engine.channel;

/**
 * A payload the engine cannot accept (answered 400). The message says what is wrong with the shape, never what
 * the payload contained: no phone numbers, names or message text.
 */
public final class PayloadException extends RuntimeException {
  public PayloadException(String detail) {
    super(detail, null, false, false);
  }
}
