package dev.switchboard.config;

/**
 * Outbound delivery. Base URLs point at the real providers by default; tests and simulators override them.
 * Rate limits: a token bucket per sending channel (WhatsApp Cloud API allows 80 msg/s per number) and a pacing
 * bucket per recipient; a send over the limit waits for its token instead of failing. {@code maxInFlight} bounds
 * the sends under way at once: the rest wait in their conversation's lane, where no request timeout runs.
 */
public record OutboundConfig(String whatsappBaseUrl, String telegramBaseUrl, String messengerBaseUrl,
                             String instagramBaseUrl, String trelloBaseUrl, String calcomBaseUrl, long requestTimeoutMs,
                             int maxAttempts, long baseBackoffMs, long maxBackoffMs, long maxAgeMs,
                             long dueScanMs, int sandboxKeep, double senderPerSecond, int senderBurst,
                             double recipientPerSecond, int recipientBurst, int breakerFailures,
                             long breakerResetMs, long windowHours, int maxInFlight) {
  public OutboundConfig {
    whatsappBaseUrl = whatsappBaseUrl == null ? "https://graph.facebook.com" : whatsappBaseUrl;
    telegramBaseUrl = telegramBaseUrl == null ? "https://api.telegram.org" : telegramBaseUrl;
    messengerBaseUrl = messengerBaseUrl == null ? "https://graph.facebook.com" : messengerBaseUrl;
    instagramBaseUrl = instagramBaseUrl == null ? "https://graph.instagram.com" : instagramBaseUrl;
    trelloBaseUrl = trelloBaseUrl == null ? "https://api.trello.com" : trelloBaseUrl;
    calcomBaseUrl = calcomBaseUrl == null ? "https://api.cal.com" : calcomBaseUrl;
    requestTimeoutMs = requestTimeoutMs <= 0 ? 10_000 : requestTimeoutMs;
    maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
    baseBackoffMs = baseBackoffMs <= 0 ? 500 : baseBackoffMs;
    maxBackoffMs = maxBackoffMs <= 0 ? 300_000 : maxBackoffMs;
    maxAgeMs = maxAgeMs <= 0 ? 86_400_000 : maxAgeMs;
    dueScanMs = dueScanMs <= 0 ? 1000 : dueScanMs;
    sandboxKeep = sandboxKeep <= 0 ? 1000 : sandboxKeep;
    senderPerSecond = senderPerSecond <= 0 ? 80 : senderPerSecond;
    senderBurst = senderBurst <= 0 ? 80 : senderBurst;
    recipientPerSecond = recipientPerSecond <= 0 ? 1 : recipientPerSecond;
    recipientBurst = recipientBurst <= 0 ? 3 : recipientBurst;
    breakerFailures = breakerFailures <= 0 ? 5 : breakerFailures;
    breakerResetMs = breakerResetMs <= 0 ? 30_000 : breakerResetMs;
    windowHours = windowHours <= 0 ? 24 : windowHours;
    maxInFlight = maxInFlight <= 0 ? 128 : maxInFlight;
  }
}
