package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.store.PgTestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL unreachable for a few seconds (a fail-over, a network blip) with the engine left running: every
 * acknowledged message is still answered, once, in order, without a restart and without the "instability"
 * fallback — a failed turn is tried again holding its conversation, a message whose insert committed while its
 * reply was lost is handed over when the sender repeats it, and the inbox sweeper routes whatever is left.
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
          "PROVIDER_URL", graph.url(), "DEBOUNCE_MS", "1500", "SWEEP_MS", "500", "REDRIVE_AFTER_MS", "2000",
          // Turns do not try again here: this test is about the sweeper, the last line of defence.
          "TURN_RETRY_MS", "-1"))) {
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

  /**
   * PostgreSQL cut for 5 s under a steady load on a tenant answered by an OpenAI-compatible model that echoes each
   * message ("pedido N"), so every reply names the message it answers: per contact, every message is answered once,
   * in order, none with the fallback, and nothing waits for a restart.
   */
  @Test
  void postgresLostMidLoadWithAnLlmTenantHealsInOrderWithoutAFallback() throws InterruptedException {
    Vertx vertx = Vertx.vertx();
    WebClient client = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(20));
    try (PgTestDatabase db = new PgTestDatabase(vertx);
         TcpProxy proxy = new TcpProxy("127.0.0.1", 5432);
         FakeProvider openai = new FakeProvider().start()) {
      openai.respond(r -> new FakeProvider.Response(200, echo(r.body())));
      String url = db.config().url().replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port);
      try (TestEngine t = new TestEngine(Map.of("STORAGE", "postgres", "PG_URL", url, "OPENAI_URL",
          openai.url() + "/v1", "OPENAI_TIMEOUT_MS", "2000", "DEBOUNCE_MS", "0", "SWEEP_MS", "500",
          "REDRIVE_AFTER_MS", "2000"))) {
        int contacts = 20;
        int messages = 10;
        AtomicInteger acked = new AtomicInteger();
        Future<?> all = LoadChecks.conversations(vertx, client, "wa-ai", contacts, messages,
            DatabaseBlipIT::llmContact, "wamid.llm-blip", (c, m, tries) -> t.port, acked);
        assertThat(Await.until(() -> acked.get() >= contacts * messages / 3, 60_000)).isTrue();
        proxy.cut();
        Thread.sleep(5000); // the outage itself, with the load still arriving (and refused with 503)
        proxy.restore();
        long back = System.nanoTime();
        Await.of(all);
        assertThat(Await.until(() -> IntStream.range(0, contacts).allMatch(c ->
            LoadChecks.sandboxRepliesOncePerCommand(t.engine.sandbox(), "bot2", llmContact(c)).size() >= messages),
            60_000)).as("every message answered").isTrue();
        long healedMs = (System.nanoTime() - back) / 1_000_000;
        for (int c = 0; c < contacts; c++) {
          String to = llmContact(c);
          List<String> replies = LoadChecks.sandboxRepliesOncePerCommand(t.engine.sandbox(), "bot2", to);
          List<String> expected = new ArrayList<>();
          for (int m = 0; m < messages; m++) {
            expected.add("eco: pedido " + m);
          }
          assertThat(replies).as("contact %d: once each, in order, no fallback", c).containsExactlyElementsOf(expected);
        }
        assertThat(Await.until(() -> "UP".equals(Await.of(t.client.get("/ready").send()).bodyAsJsonObject()
            .getString("status")), 15_000)).as("ready and UP again").isTrue();
        System.out.printf("database lost for 5 s mid-load: all %d messages answered %d ms after it came back%n",
            contacts * messages, healedMs);
      }
    } finally {
      client.close();
      Await.of(vertx.close());
    }
  }

  /** An OpenAI-compatible answer that repeats the customer's last message. */
  static String echo(String requestBody) {
    JsonArray messages = new JsonObject(requestBody).getJsonArray("messages");
    String last = messages.getJsonObject(messages.size() - 1).getString("content");
    String reply = new JsonObject().put("intent", "other").put("reply", "eco: " + last).encode();
    return new JsonObject().put("choices", new JsonArray().add(new JsonObject()
        .put("message", new JsonObject().put("role", "assistant").put("content", reply)))).encode();
  }

  private static String llmContact(int i) {
    return String.format("55119444%05d", i);
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
