package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.store.PgTestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Redis dies mid-run (SIGKILL of its process). The engine, on PostgreSQL with Redis in front, keeps answering
 * 200 to every webhook, deduplicates through PostgreSQL, and processes every event once and in order.
 */
class RedisOutageIT {
  private static final int CONVERSATIONS = 100;
  private static final int MESSAGES = 6;
  private static final int LLM_CONTACTS = 20;

  @Test
  void engineKeepsAnsweringAndLosesNothingWhenRedisStops() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (PgTestDatabase db = new PgTestDatabase(vertx); RedisProcess redis = new RedisProcess().start();
         FakeProvider llm = new FakeProvider().start();
         TestEngine t = new TestEngine(Map.of("STORAGE", "postgres", "PG_URL", db.config().url(),
             "REDIS_URL", redis.url(), "DEBOUNCE_MS", "0", "OPENAI_URL", llm.url() + "/v1"))) {
      // An LLM tenant too, whose test server echoes each message: its replies say which message they answer.
      llm.respond(r -> new FakeProvider.Response(200, DatabaseBlipIT.echo(r.body())));
      AtomicInteger acked = new AtomicInteger();
      ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
      List<Future<Void>> all = new ArrayList<>();
      for (int c = 0; c < CONVERSATIONS; c++) {
        String from = String.format("55119%08d", 70_000 + c);
        Future<Void> chain = Future.succeededFuture();
        for (int m = 0; m < MESSAGES; m++) {
          String id = "wamid.r" + c + "m" + m;
          // Every message is delivered twice: the repeat must be recognised before and after Redis dies.
          chain = chain.compose(v -> t.whatsappText(from, id, "oi " + id)).compose(r -> {
            statuses.add(r.statusCode());
            acked.incrementAndGet();
            return t.whatsappText(from, id, "oi " + id);
          }).map(r -> {
            statuses.add(r.statusCode());
            return null;
          });
        }
        all.add(chain);
      }
      for (int c = 0; c < LLM_CONTACTS; c++) {
        String from = String.format("55119%08d", 75_000 + c);
        Future<Void> chain = Future.succeededFuture();
        for (int m = 0; m < MESSAGES; m++) {
          byte[] body = WhatsAppPayloads.text(from, "wamid.rl" + c + "m" + m, "pedido " + m);
          chain = chain.compose(v -> t.postMeta("wa-ai", body)).map(r -> {
            statuses.add(r.statusCode());
            return null;
          });
        }
        all.add(chain);
      }
      assertThat(Await.until(() -> acked.get() >= CONVERSATIONS * MESSAGES / 3, 60_000)).isTrue();
      redis.kill();
      // While the load runs, a probe can briefly time out behind queued PostgreSQL work; what must hold is that
      // losing Redis alone settles to DEGRADED (200), never to DOWN. A Redis treated as required stays 503.
      AtomicReference<JsonObject> last = new AtomicReference<>();
      boolean degraded = Await.until(() -> {
        var ready = Await.of(t.client.get("/ready").send());
        JsonObject body = ready.bodyAsJsonObject();
        last.set(body.put("httpStatus", ready.statusCode()));
        return ready.statusCode() == 200 && "DEGRADED".equals(body.getString("status"))
            && "DOWN".equals(body.getJsonObject("checks").getJsonObject("redis").getString("status"));
      }, 15_000);
      assertThat(degraded).as("Redis is optional: ready but DEGRADED, last /ready %s", last.get()).isTrue();
      assertThat(last.get().getJsonObject("checks").getJsonObject("postgres").getString("status")).isEqualTo("UP");
      Await.of(Future.all(all));
      assertThat(statuses).hasSize(CONVERSATIONS * MESSAGES * 2 + LLM_CONTACTS * MESSAGES).containsOnly(200);

      var stores = t.engine.stores();
      assertThat(Await.until(() -> Await.of(stores.inbox().countUnprocessed()) == 0, 30_000)).isTrue();
      LoadChecks.assertNoFallbackReply(stores);
      // The LLM tenant's replies (sandbox, newest first): once per message, in order, none the fallback.
      assertThat(Await.until(() -> IntStream.range(0, LLM_CONTACTS).allMatch(c -> LoadChecks.sandboxRepliesOncePerCommand(
          t.engine.sandbox(), "bot2", String.format("55119%08d", 75_000 + c)).size() >= MESSAGES), 30_000)).isTrue();
      for (int c = 0; c < LLM_CONTACTS; c++) {
        String to = String.format("55119%08d", 75_000 + c);
        List<String> replies = LoadChecks.sandboxRepliesOncePerCommand(t.engine.sandbox(), "bot2", to);
        List<String> expected = new ArrayList<>();
        for (int m = 0; m < MESSAGES; m++) {
          expected.add("eco: pedido " + m);
        }
        assertThat(replies).as("LLM contact %d", c).containsExactlyElementsOf(expected);
      }
      for (int c = 0; c < CONVERSATIONS; c++) {
        var key = new ConversationKey("acme", "wa", String.format("+55119%08d", 70_000 + c));
        List<String> inbound = Await.of(stores.conversations().messages(key, 1000)).stream()
            .filter(turn -> turn.direction() == Direction.INBOUND).map(Turn::eventId).toList();
        List<String> expected = new ArrayList<>();
        for (int m = 0; m < MESSAGES; m++) {
          expected.add("wamid.r" + c + "m" + m);
        }
        assertThat(inbound).as("conversation %d", c).containsExactlyElementsOf(expected);
      }
    } finally {
      Await.of(vertx.close());
    }
  }
}
