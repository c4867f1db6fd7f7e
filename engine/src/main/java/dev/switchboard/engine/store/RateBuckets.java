package dev.switchboard.engine.store;

import dev.switchboard.engine.event.ConversationKey;

/** Names of the {@link RateLimiter} buckets tied to one contact, in one place so an erase can drop them. */
public final class RateBuckets {
  private RateBuckets() {
  }

  /** A contact's inbound messages on one conversation (the tenant's inbound limit). */
  public static String inbound(ConversationKey key) {
    return "in:" + key.asString();
  }

  /** Sends to one recipient on one channel; keyed by a hash, not the number. */
  public static String recipient(String channelId, String recipient) {
    return "to:" + channelId + ":" + Integer.toHexString(recipient.hashCode());
  }
}
