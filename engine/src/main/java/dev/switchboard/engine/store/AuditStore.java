package dev.switchboard.engine.store;

import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.event.ConversationKey;
import io.vertx.core.Future;
import java.util.List;

/**
 * Append-only trails: conversation state changes (session steps append through {@link ConversationStore#commit})
 * and operator actions.
 */
public interface AuditStore {

  Future<Void> append(AuditEntry entry);

  /** The conversation's entries, oldest first. */
  Future<List<AuditEntry>> list(ConversationKey key);

  Future<Void> recordAction(ActionAudit action);

  /** A tenant's operator actions, newest first. */
  Future<List<ActionAudit>> actions(String tenantId, int limit);
}
