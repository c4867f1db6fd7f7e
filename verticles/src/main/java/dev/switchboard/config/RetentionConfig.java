package dev.switchboard.config;

/**
 * How long the durable stores keep what is done with. Processed inbox events are the dedupe memory: they must
 * outlive the providers' retries (Meta retries a webhook for up to 7 days), hence the minimum. Settled outbox
 * commands (SENT, DEAD) are the idempotency record of actions: they must outlive the inbox entries that could
 * otherwise be processed again, hence {@code outboxDays >= inboxDays}. 0 keeps forever. Conversations and their
 * messages are business records and are never purged here.
 */
public record RetentionConfig(Integer inboxDays, Integer outboxDays, Integer everyMinutes) {
  static final int MIN_INBOX_DAYS = 7;

  public RetentionConfig {
    inboxDays = inboxDays == null ? 14 : inboxDays;
    outboxDays = outboxDays == null ? Math.max(30, inboxDays) : outboxDays;
    everyMinutes = everyMinutes == null || everyMinutes <= 0 ? 60 : everyMinutes;
    if (inboxDays < 0 || outboxDays < 0) {
      throw new IllegalArgumentException("scheduler.retention days cannot be negative (0 keeps forever)");
    }
    if (inboxDays > 0 && inboxDays < MIN_INBOX_DAYS) {
      throw new IllegalArgumentException("scheduler.retention.inboxDays must be 0 (forever) or at least "
          + MIN_INBOX_DAYS + ": providers retry a webhook for up to 7 days, and a forgotten event is no longer deduplicated");
    }
    if (inboxDays > 0 && outboxDays > 0 && outboxDays < inboxDays) {
      throw new IllegalArgumentException("scheduler.retention.outboxDays must be 0 (forever) or at least inboxDays: "
          + "an action must be remembered as long as the event that caused it");
    }
  }

  public static RetentionConfig defaults() {
    return new RetentionConfig(null, null, null);
  }

  public boolean enabled() {
    return inboxDays > 0 || outboxDays > 0;
  }
}
