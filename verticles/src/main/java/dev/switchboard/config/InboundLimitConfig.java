package dev.switchboard.config;

/**
 * How many messages the bot answers: per contact, a token bucket of {@code burst} refilled at {@code perMinute};
 * per source address where the channel knows it (the web chat), {@code addressBurst} refilled at
 * {@code addressPerMinute} (default five times the contact's), so one visitor cannot flood with many visitor ids.
 * Messages over either are kept (in the conversation, processed in order) but not answered, and counted.
 */
public record InboundLimitConfig(double perMinute, int burst, double addressPerMinute, int addressBurst) {
  public InboundLimitConfig {
    if (perMinute <= 0 || burst < 1) {
      throw new IllegalArgumentException("inboundLimit needs perMinute > 0 and burst >= 1");
    }
    addressPerMinute = addressPerMinute <= 0 ? perMinute * 5 : addressPerMinute;
    addressBurst = addressBurst < 1 ? burst * 5 : addressBurst;
  }
}
