package dev.switchboard.engine.store;

import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ConversationKey;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/** Conversations, their messages and their audit trail. Writes go through {@link #commit} only. */
public interface ConversationStore {

  /** The conversation, or a succeeded future holding null when it does not exist. */
  Future<Conversation> find(ConversationKey key);

  /**
   * Applies one session step atomically: the conversation, its new messages, audit entries and outbound
   * commands, and the inbox events it processed (the transactional outbox).
   */
  Future<Void> commit(SessionStep step);

  /** The last {@code limit} messages, oldest first. */
  Future<List<Turn>> messages(ConversationKey key, int limit);

  /** Conversations of a tenant, optionally in one state, most recently active first. */
  Future<List<Conversation>> list(String tenantId, ConversationState state, int limit);

  /** Conversations not CLOSED whose last activity is before {@code cutoff}. */
  Future<List<Conversation>> idleSince(Instant cutoff, int limit);
}
