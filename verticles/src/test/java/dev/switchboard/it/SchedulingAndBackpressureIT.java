package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.conversation.Trigger;
import dev.switchboard.engine.event.ConversationKey;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;

/**
 * Idle conversations are closed by the scheduler; a full conversation queue answers 503 with Retry-After, and
 * the refused event is not remembered as seen, so the provider's retry is processed.
 */
class SchedulingAndBackpressureIT {
  private static TestEngine t;

  @BeforeAll
  static void start() {
    t = new TestEngine(Map.of("IDLE_SECONDS", "1", "TICK_MS", "200", "DEBOUNCE_MS", "1500",
        "MAX_PER_CONVERSATION", "1"));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void idleConversationIsClosedAndReopensOnTheNextMessage() {
    var key = new ConversationKey("acme", "wa", "+5511911110000");
    assertThat(Await.of(t.whatsappText("5511911110000", "wamid.idle-1", "oi")).statusCode()).isEqualTo(200);
    assertThat(Await.until(() -> stateOf(key) == ConversationState.CLOSED, 10_000)).isTrue();
    assertThat(Await.of(t.engine.stores().audit().list(key))).extracting(a -> a.trigger())
        .contains(Trigger.IDLE_TIMEOUT);

    assertThat(Await.of(t.whatsappText("5511911110000", "wamid.idle-2", "oi de novo")).statusCode()).isEqualTo(200);
    // The state may close again a second later (the timeout is 1 s here), so the audit trail is what to check.
    assertThat(Await.until(() -> Await.of(t.engine.stores().audit().list(key)).stream()
        .anyMatch(a -> a.from() == ConversationState.CLOSED && a.to() == ConversationState.BOT), 5_000)).isTrue();
  }

  @Test
  void theAdminApiListsTheBuiltInSchedules() {
    var res = Await.of(t.adminGet("/admin/v1/schedules"));
    assertThat(res.statusCode()).isEqualTo(200);
    Map<String, JsonObject> byJob = new HashMap<>();
    res.bodyAsJsonObject().getJsonArray("items").forEach(o -> {
      var item = (JsonObject) o;
      byJob.put(item.getString("job"), item);
    });
    assertThat(byJob).containsOnlyKeys("idle-close", "retention", "inbox-sweep");
    assertThat(byJob.get("idle-close").getLong("intervalMs")).isEqualTo(200);
    assertThat(byJob.get("inbox-sweep").getLong("intervalMs")).isEqualTo(10_000);
    assertThat(byJob.get("retention").getLong("intervalMs")).isEqualTo(3_600_000);
    assertThat(Instant.parse(byJob.get("retention").getString("nextRunAt")))
        .as("a minute after the first start").isAfter(Instant.now());
    assertThat(Await.of(t.client.get("/admin/v1/schedules").send()).statusCode()).isEqualTo(401);
  }

  @Test
  void fullConversationQueueAnswers503AndTheRetryIsNotADuplicate() {
    String from = "5511922220000";
    assertThat(Await.of(t.whatsappText(from, "wamid.bp-1", "um")).statusCode()).isEqualTo(200);
    var refused = Await.of(t.whatsappText(from, "wamid.bp-2", "dois"));
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.getHeader("Retry-After")).isNotBlank();
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("unavailable");

    var key = new ConversationKey("acme", "wa", "+" + from);
    assertThat(Await.until(() -> Await.of(t.engine.stores().conversations().messages(key, 10)).size() >= 2, 15_000))
        .isTrue();
    var retried = Await.of(t.whatsappText(from, "wamid.bp-2", "dois"));
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(retried.bodyAsJsonObject().getInteger("accepted")).isEqualTo(1);
  }

  private static ConversationState stateOf(ConversationKey key) {
    var c = Await.of(t.engine.stores().conversations().find(key));
    return c == null ? null : c.state();
  }
}
