package dev.switchboard.engine.conversation;

import dev.switchboard.engine.event.ConversationKey;
import java.time.Instant;
import java.util.Objects;

/**
 * The durable state of one conversation. Immutable: every step produces a new value.
 * {@code replyTo} is the provider's own id for the contact (see {@link dev.switchboard.engine.event.Contact}).
 * {@code flag} marks a conversation a person should look at (e.g. {@code ai-fallback}: the AI failed and the
 * customer got the fallback text, or {@link #BLOCKED}: an operator blocked an abusive contact, whose messages are
 * kept and never answered); null when nothing needs attention.
 */
public record Conversation(
    ConversationKey key, ConversationState state, String replyTo, boolean optedOut,
    Instant createdAt, Instant lastInboundAt, Instant lastActivityAt, long version, String flag) {

  public Conversation {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastActivityAt, "lastActivityAt");
  }

  /** The flag of a blocked contact: kept over AI answers and fallbacks until an operator lifts it. */
  public static final String BLOCKED = "blocked";

  public boolean blocked() {
    return BLOCKED.equals(flag);
  }

  public static Conversation open(ConversationKey key, String replyTo, Instant now) {
    return new Conversation(key, ConversationState.BOT, replyTo, false, now, null, now, 0, null);
  }

  public Conversation withState(ConversationState next, Instant now) {
    return new Conversation(key, next, replyTo, optedOut, createdAt, lastInboundAt, now, version + 1, flag);
  }

  public Conversation withInbound(String latestReplyTo, Instant now) {
    String to = latestReplyTo == null ? replyTo : latestReplyTo;
    return new Conversation(key, state, to, optedOut, createdAt, now, now, version + 1, flag);
  }

  public Conversation withOptedOut(boolean value, Instant now) {
    return new Conversation(key, state, replyTo, value, createdAt, lastInboundAt, now, version + 1, flag);
  }

  public Conversation withFlag(String value) {
    return new Conversation(key, state, replyTo, optedOut, createdAt, lastInboundAt, lastActivityAt, version, value);
  }

  public Conversation touched(Instant now) {
    return new Conversation(key, state, replyTo, optedOut, createdAt, lastInboundAt, now, version + 1, flag);
  }
}
