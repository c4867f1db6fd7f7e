package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A person's message sent through {@code POST /admin/v1/actions} to a WhatsApp customer is part of the customer's
 * conversation (the same +digits contact key the webhooks make), shows in its messages with its status, goes to the
 * provider's own address, and a repeat with the same source id adds nothing.
 */
class AgentMessagesIT {

  private static JsonObject action(String recipient, String sourceId, String text) {
    return new JsonObject().put("tenant", "acme").put("target", "wa").put("recipient", recipient)
        .put("sourceId", sourceId).put("agent", "ana")
        .put("payload", new JsonObject().put("kind", "text").put("body", text));
  }

  @Test
  void anAgentMessageJoinsTheCustomersConversationWithItsStatus() {
    try (TestEngine t = new TestEngine(Map.of())) {
      Await.of(t.whatsappText("5511944443333", "wamid.agent.1", "oi"));
      assertThat(Await.until(() -> t.engine.sandbox().list("acme", 10).size() == 1, 10_000)).isTrue();

      var sent = Await.of(t.adminPost("/admin/v1/actions", action("5511944443333", "ana-1", "Oi, aqui é a Ana!")));
      assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(202);
      assertThat(sent.bodyAsJsonObject().getBoolean("created")).isTrue();
      // Written with a "+" by a person: the same conversation, and no second message for the same source id.
      var again = Await.of(t.adminPost("/admin/v1/actions", action("+55 11 94444-3333", "ana-1", "Oi, aqui é a Ana!")));
      assertThat(again.bodyAsJsonObject().getBoolean("created")).isFalse();
      assertThat(Await.until(() -> t.engine.sandbox().list("acme", 10).size() == 2, 10_000)).isTrue();
      assertThat(t.engine.sandbox().list("acme", 10).get(0).recipient()).isEqualTo("5511944443333");

      String key = TestEngine.key("acme", "wa", "+5511944443333");
      assertThat(Await.until(() -> "SENT".equals(last(t, key).getString("status")), 10_000)).isTrue();
      JsonArray items = messages(t, key);
      assertThat(items.stream().map(m -> ((JsonObject) m).getString("direction")).toList())
          .isEqualTo(List.of("INBOUND", "OUTBOUND", "OUTBOUND"));
      assertThat(last(t, key).getString("text")).isEqualTo("Oi, aqui é a Ana!");
      assertThat(last(t, key).getString("eventId")).isEqualTo(sent.bodyAsJsonObject().getString("id"));
      assertThat(items.getJsonObject(1).getString("status")).isEqualTo("SENT");

      var bad = Await.of(t.adminPost("/admin/v1/actions", action("ana@example.com", "ana-2", "oi")));
      assertThat(bad.statusCode()).isEqualTo(400);
    }
  }

  private static JsonArray messages(TestEngine t, String key) {
    return Await.of(t.adminGet("/admin/v1/conversations/" + key + "/messages")).bodyAsJsonObject()
        .getJsonArray("items");
  }

  private static JsonObject last(TestEngine t, String key) {
    JsonArray items = messages(t, key);
    return items.getJsonObject(items.size() - 1);
  }
}
