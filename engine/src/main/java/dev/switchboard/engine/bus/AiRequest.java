package dev.switchboard.engine.bus;

import dev.switchboard.engine.conversation.Turn;
import java.util.List;
import java.util.Objects;

/** Session → AI: decide intent and reply for one turn (possibly several merged messages). */
public record AiRequest(String tenantId, String conversationLogId, String text, List<Turn> history)
    implements BusMessage {
  public AiRequest {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(text, "text");
    history = history == null ? List.of() : List.copyOf(history);
  }
}
