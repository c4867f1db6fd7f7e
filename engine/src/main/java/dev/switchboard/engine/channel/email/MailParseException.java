package dev.switchboard.engine.channel.email;

/** A mail that cannot be read; {@code getMessage()} is a short reason without personal data. */
public final class MailParseException extends Exception {
  public MailParseException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
