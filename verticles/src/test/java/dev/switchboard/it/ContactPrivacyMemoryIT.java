package dev.switchboard.it;

import static dev.switchboard.it.PrivacyScenario.E164;
import static dev.switchboard.it.PrivacyScenario.NEEDLES;
import static dev.switchboard.it.PrivacyScenario.VISITOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * LGPD on the embedded memory storage: the same person and the same checks as {@link ContactPrivacyIT}, the scan
 * being a dump of every memory store (private fields included) and the sandbox log.
 */
class ContactPrivacyMemoryIT {

  @Test
  void afterAnEraseNoMemoryStoreHoldsTheContactAndTheMetricsStillCountThem() {
    FakeProvider graph = PrivacyScenario.provider();
    MutableClock clock = new MutableClock(Instant.parse("2026-05-12T14:00:00Z"));
    try (TestEngine t = new TestEngine(Map.of("PROVIDER_URL", graph.url(), "WEBHOOK_URL", graph.url() + "/hook",
        "MAX_ATTEMPTS", "1000", "IDLE_SECONDS", "86400"), clock)) {
      PrivacyScenario s = new PrivacyScenario(t, clock);
      s.createEverything();
      JsonArray metricsBefore = s.rolledUp();
      assertThat(PrivacyChecks.memoryDump(t, NEEDLES)).anyMatch(h -> h.startsWith("MemoryInboxStore"))
          .anyMatch(h -> h.startsWith("MemoryConversationStore")).anyMatch(h -> h.startsWith("MemoryOutboxStore"))
          .anyMatch(h -> h.startsWith("MemoryRateLimiter")).anyMatch(h -> h.startsWith("SandboxLog"));

      ContactPrivacyIT.assertExportHoldsEverything(s.export("acme", E164).bodyAsJsonObject());
      JsonObject erased = s.erase("acme", E164).bodyAsJsonObject();
      assertThat(erased.getString("status")).isEqualTo("erased");
      assertThat(erased.getJsonObject("erased").getInteger("conversations")).isEqualTo(2);
      assertThat(erased.getJsonObject("erased").getInteger("sandbox")).isGreaterThanOrEqualTo(2);
      assertThat(s.erase("acme", VISITOR).bodyAsJsonObject().getString("status")).isEqualTo("erased");
      assertThat(s.erase("clinic", E164).bodyAsJsonObject().getString("status")).isEqualTo("erased");

      assertThat(PrivacyChecks.memoryDump(t, NEEDLES)).isEmpty();
      assertThat(s.erase("acme", E164).bodyAsJsonObject().getString("status")).isEqualTo("nothing-held");
      assertThat(s.export("acme", E164).statusCode()).isEqualTo(404);
      assertThat(s.call(HttpMethod.GET, "/admin/v1/metrics/daily?tenant=acme", null).bodyAsJsonObject()
          .getJsonArray("items")).isEqualTo(metricsBefore);
      assertThat(ContactPrivacyIT.countsOnly(s.rolledUp())).isEqualTo(ContactPrivacyIT.countsOnly(metricsBefore));

      PrivacyChecks.theSameNumberStartsAfresh(s, t);
      PrivacyChecks.theVisitorComesBackToAnEmptyChat(t);
    } finally {
      graph.close();
    }
  }
}
