package dev.switchboard.engine.bus;

import dev.switchboard.engine.ai.intent.IntentClassifier;
import dev.switchboard.engine.conversation.Turn;
import java.util.List;
import java.util.Objects;

/**
 * Session → AI: decide intent and reply for one turn (possibly several merged messages). {@code deadlineMs}
 * (epoch milliseconds, 0 for none) is when the session stops waiting: a call still queued for the LLM then is
 * dropped rather than made for nobody. {@code classified} is the session's classification of {@code text} when
 * it already made one (a turn of one message), so the offline provider does not classify the same text twice;
 * null otherwise.
 */
public record AiRequest(String tenantId, String conversationLogId, String text, List<Turn> history, long deadlineMs,
                        IntentClassifier.Classification classified) implements BusMessage {
  public AiRequest(String tenantId, String conversationLogId, String text, List<Turn> history) {
    this(tenantId, conversationLogId, text, history, 0, null);
  }

  public AiRequest {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(text, "text");
    history = history == null ? List.of() : List.copyOf(history);
  }
}
