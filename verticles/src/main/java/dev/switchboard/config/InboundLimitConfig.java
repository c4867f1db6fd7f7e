package dev.switchboard.config;

/**
 * How many messages of one contact the bot answers: a token bucket of {@code burst} refilled at {@code perMinute}.
 * Messages over it are kept (in the conversation, processed in order) but not answered, and counted.
 */
public record InboundLimitConfig(double perMinute, int burst) {
  public InboundLimitConfig {
    if (perMinute <= 0 || burst < 1) {
      throw new IllegalArgumentException("inboundLimit needs perMinute > 0 and burst >= 1");
    }
  }
}
