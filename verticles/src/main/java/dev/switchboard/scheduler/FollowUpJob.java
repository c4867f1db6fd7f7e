package dev.switchboard.scheduler;

import dev.switchboard.engine.bus.SessionCommand;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.schedule.TenantSchedule;
import dev.switchboard.engine.store.ConversationStore;
import dev.switchboard.session.SessionGateway;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the tenant's BOT conversations whose customer has been quiet for {@code quietMinutes} and asks each one's
 * session for a follow-up; the session decides (it alone sees a message arriving meanwhile). The summary counts
 * the outcomes: sent, not-due, not-bot, opted-out, limit, window-closed (skipped: no approved template), failed.
 */
final class FollowUpJob implements TenantJob {
  /** Conversations looked at per run, most recently active first. */
  static final int BATCH = 1000;
  private final ConversationStore conversations;
  private final SessionGateway sessions;
  private final Clock clock;

  FollowUpJob(ConversationStore conversations, SessionGateway sessions, Clock clock) {
    this.conversations = conversations;
    this.sessions = sessions;
    this.clock = clock;
  }

  @Override
  public Future<Map<String, Object>> run(TenantSchedule schedule, Instant occurrence, String runId) {
    Map<String, Object> p = schedule.params();
    Instant quietSince = clock.instant().minus(Duration.ofMinutes(((Number) p.get("quietMinutes")).longValue()));
    int max = ((Number) p.get("maxFollowUps")).intValue();
    String template = (String) p.get("whatsappTemplate");
    String language = (String) p.get("whatsappTemplateLanguage");
    Map<String, Object> outcomes = new TreeMap<>();
    return conversations.list(schedule.tenantId(), ConversationState.BOT, BATCH).compose(list -> {
      Future<Void> chain = Future.succeededFuture();
      int candidates = 0;
      for (Conversation c : list) {
        if (c.optedOut() || c.lastInboundAt() == null || c.lastInboundAt().isAfter(quietSince)) {
          continue;
        }
        candidates++;
        var command = new SessionCommand.FollowUp(c.key(), quietSince, (String) p.get("text"), max, template, language);
        chain = chain.compose(v -> sessions.submit(command, "schedule:" + schedule.id())
            .map(SessionCommand.Accepted::state)
            .otherwise("failed")
            .map(outcome -> {
              outcomes.merge(outcome, 1, (a, b) -> (Integer) a + (Integer) b);
              return null;
            }));
      }
      outcomes.put("candidates", candidates);
      return chain;
    }).map(v -> outcomes);
  }
}
