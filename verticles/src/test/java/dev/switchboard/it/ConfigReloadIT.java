package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates (and secrets) change without a restart; a configuration that does not load changes nothing. */
class ConfigReloadIT {

  @Test
  void aReloadTakesNewTemplatesAndRefusesABrokenFileAsAWhole() {
    try (FakeProvider graph = new FakeProvider().start();
         TestEngine t = new TestEngine(Map.of("PROVIDER_URL", graph.url(), "WA_SENDER", "whatsapp"))) {
      assertThat(replyTo(t, graph, "5511944440001", "wamid.reload-1")).contains("Olá! Como posso ajudar?");

      t.configEdit.set(yaml -> yaml.replace("Olá! Como posso ajudar?", "Oi! Em que posso ajudar hoje?"));
      var reloaded = Await.of(t.adminPost("/admin/v1/config/reload", new JsonObject()));
      assertThat(reloaded.statusCode()).isEqualTo(200);
      assertThat(reloaded.bodyAsJsonObject().getInteger("tenants")).isEqualTo(5); // acme, clinic, bot2, plain, dental
      assertThat(replyTo(t, graph, "5511944440002", "wamid.reload-2")).contains("Oi! Em que posso ajudar hoje?");

      t.configEdit.set(yaml -> yaml.replace("aiProvider: rules", "aiProvider: [rules"));
      var refused = Await.of(t.adminPost("/admin/v1/config/reload", new JsonObject()));
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("invalid_config");
      assertThat(replyTo(t, graph, "5511944440003", "wamid.reload-3")).contains("Oi! Em que posso ajudar hoje?");

      var anonymous = Await.of(t.client.post("/admin/v1/config/reload").send());
      assertThat(anonymous.statusCode()).isEqualTo(401);
    }
  }

  private static String replyTo(TestEngine t, FakeProvider graph, String from, String messageId) {
    assertThat(Await.of(t.whatsappText(from, messageId, "oi")).statusCode()).isEqualTo(200);
    assertThat(Await.until(() -> sentTo(graph, from).size() == 1, 10_000)).isTrue();
    return sentTo(graph, from).get(0).body();
  }

  private static List<FakeProvider.Recorded> sentTo(FakeProvider graph, String to) {
    return graph.received().stream().filter(r -> to.equals(new JsonObject(r.body()).getString("to"))).toList();
  }
}
