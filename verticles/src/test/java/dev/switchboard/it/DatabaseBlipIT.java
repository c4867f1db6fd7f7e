package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.store.PgTestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL unreachable for a few seconds while turns are waiting to commit (a fail-over, a network blip), with
 * the engine left running: every acknowledged message is still answered, once, without a restart and without the
 * "instability" fallback — the inbox sweeper routes the events whose turns failed again.
 */
class DatabaseBlipIT {
  private static final String FALLBACK = "Instabilidade, já voltamos.";

  @Test
  void acknowledgedMessagesAreAnsweredAfterTheDatabaseComesBack() throws InterruptedException {
    Vertx vertx = Vertx.vertx();
    try (PgTestDatabase db = new PgTestDatabase(vertx);
         TcpProxy proxy = new TcpProxy("127.0.0.1", 5432);
         FakeProvider graph = new FakeProvider().start()) {
      String url = db.config().url().replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port);
      try (TestEngine t = new TestEngine(Map.of("STORAGE", "postgres", "PG_URL", url, "WA_SENDER", "whatsapp",
          "PROVIDER_URL", graph.url(), "DEBOUNCE_MS", "1500", "SWEEP_MS", "500", "REDRIVE_AFTER_MS", "2000"))) {
        int contacts = 20;
        for (int i = 0; i < contacts; i++) {
          var res = Await.of(t.whatsappText(contact(i), "wamid.blip." + i, "quanto custa a limpeza?"));
          assertThat(res.statusCode()).as("acknowledged before the blip").isEqualTo(200);
        }
        // Every turn is still in its debounce window: it will try to commit while the database is unreachable.
        proxy.cut();
        Thread.sleep(4000); // the outage itself
        proxy.restore();

        assertThat(Await.until(() -> allAnswered(graph, contacts), 30_000))
            .as("every acknowledged message answered after the database came back, without a restart").isTrue();
        assertThat(Await.until(() -> Await.of(t.client.get("/ready").send()).bodyAsJsonObject().getJsonObject("checks")
            .getJsonObject("inbox").getLong("unprocessed", -1L) == 0, 15_000)).as("nothing left unprocessed").isTrue();
        for (int i = 0; i < contacts; i++) {
          List<String> texts = sentTo(graph, contact(i));
          assertThat(texts).as("contact %d", i).hasSize(1);
          assertThat(texts.get(0)).isNotEqualTo(FALLBACK);
        }
        assertThat(t.registry.scrape()).as("the sweeper did it").containsPattern("sb_inbox_redriven_total [1-9]");
      }
    } finally {
      Await.of(vertx.close());
    }
  }

  private static String contact(int i) {
    return String.format("55119555%05d", i);
  }

  private static boolean allAnswered(FakeProvider graph, int contacts) {
    for (int i = 0; i < contacts; i++) {
      if (sentTo(graph, contact(i)).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static List<String> sentTo(FakeProvider graph, String waId) {
    return graph.received().stream().map(r -> new JsonObject(r.body()))
        .filter(b -> waId.equals(b.getString("to")))
        .map(b -> b.getJsonObject("text") == null ? "" : b.getJsonObject("text").getString("body")).toList();
  }
}
