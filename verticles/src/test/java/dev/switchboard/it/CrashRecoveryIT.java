package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.store.Stores;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.store.PgTestDatabase;
import dev.switchboard.store.pg.PgStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.vertx.core.http.PoolOptions;

/**
 * kill -9 under load. The engine runs as its own process on PostgreSQL; a generator sends signed WhatsApp
 * webhooks (10% delivered twice) for 200 conversations while a local server plays the Graph API. The engine is
 * SIGKILLed mid-load and started again; like Meta, the generator retries whatever did not get a 200. Afterwards
 * every acknowledged event was processed exactly once and in order, and every reply reached the provider once
 * in effect (by idempotency key; raw resends are bounded by the sends the crash interrupted).
 */
class CrashRecoveryIT {
  private static final int CONVERSATIONS = 200;
  private static final int MESSAGES = 10;
  private static Vertx vertx;
  private static PgTestDatabase db;
  private static Stores stores;
  private static FakeProvider graph;
  private static EngineProcess engine;
  private static WebClient client;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    db = new PgTestDatabase(vertx);
    stores = Await.of(PgStores.create(vertx, db.config()));
    graph = new FakeProvider().start();
    port = TestEngine.freePort();
    Map<String, String> env = new HashMap<>(Map.of("PORT", String.valueOf(port), "STORAGE", "postgres",
        "PG_URL", db.config().url(), "WA_SENDER", "whatsapp", "PROVIDER_URL", graph.url(), "DEBOUNCE_MS", "0"));
    String yaml = ConfigLoader.substitute(Files.readString(Path.of("src/test/resources/switchboard-test.yaml")),
        env::get);
    Path dir = Files.createDirectories(Path.of("target/crash-test"));
    Path config = dir.resolve("engine.yaml");
    Files.writeString(config, yaml);
    Path log = dir.resolve("engine-" + db.schema() + ".log");
    engine = new EngineProcess(config, log);
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
        new PoolOptions().setHttp1MaxSize(32));
  }

  @AfterAll
  static void stop() throws Exception {
    engine.close();
    client.close();
    graph.close();
    db.close();
    Await.of(vertx.close());
  }

  @Test
  void acknowledgedEventsSurviveKillMinus9ExactlyOnceAndInOrder() throws Exception {
    engine.start();
    AtomicInteger acked = new AtomicInteger();
    Random random = new Random(7);
    List<Future<Void>> conversations = new ArrayList<>();
    for (int c = 0; c < CONVERSATIONS; c++) {
      Future<Void> chain = Future.succeededFuture();
      for (int m = 0; m < MESSAGES; m++) {
        byte[] body = WhatsAppPayloads.text(from(c), "wamid.k" + c + "m" + m, "pedido " + m);
        boolean twice = random.nextInt(10) == 0;
        chain = chain.compose(v -> deliver(body, acked)).compose(v -> twice ? deliver(body, acked) : Future.succeededFuture());
      }
      conversations.add(chain);
    }
    Future<?> all = Future.all(conversations);
    assertThat(Await.until(() -> acked.get() >= CONVERSATIONS * MESSAGES * 2 / 5, 90_000)).isTrue();
    engine.kill();
    int ackedAtKill = acked.get();
    long restarted = System.nanoTime();
    engine.start();
    // Start to ready while providers keep retrying: JVM start, migrations checked, recovery routed.
    assertThat(Await.until(CrashRecoveryIT::ready, 60_000)).as("ready again after the restart").isTrue();
    long restartMs = (System.nanoTime() - restarted) / 1_000_000;
    Await.of(all);
    assertThat(ackedAtKill).isLessThan(CONVERSATIONS * MESSAGES);

    assertThat(Await.until(() -> Await.of(stores.inbox().countUnprocessed()) == 0 && LoadChecks.unsettled(stores) == 0, 60_000))
        .as("all events processed and all commands settled").isTrue();

    LoadChecks.assertProcessedOnceInOrder(stores, CONVERSATIONS, MESSAGES, CrashRecoveryIT::from, "wamid.k");
    long resends = LoadChecks.assertRepliesOnceInEffect(stores, graph);
    assertThat(resends).as("resends beyond the sends the crash interrupted").isLessThanOrEqualTo(resumedAtStart());
    LoadChecks.assertNoFallbackReply(stores);
    System.out.printf("crash test: %d webhooks acked (%d before the kill), %d replies, %d resent after the crash, "
        + "ready %d ms after the restart%n",
        acked.get(), ackedAtKill, Await.of(stores.outbox().list("acme", null, 100_000)).size(), resends, restartMs);
  }

  /** Its own client: the load's client has hundreds of requests queued for its connections. */
  private static WebClient probe;

  private static boolean ready() {
    if (probe == null) {
      probe = WebClient.create(vertx);
    }
    try {
      return Await.of(probe.get(port, "127.0.0.1", "/ready").send()).statusCode() == 200;
    } catch (AssertionError | RuntimeException notListeningYet) {
      return false;
    }
  }

  /** Sends until the engine answers 200, as a provider does: connection errors and 503 are retried. */
  private static Future<Void> deliver(byte[] body, AtomicInteger acked) {
    return LoadChecks.deliver(vertx, client, body, tries -> port, acked);
  }

  private static long resumedAtStart() {
    Matcher m = Pattern.compile("resuming (\\d+) command").matcher(engine.log());
    long total = 0;
    while (m.find()) {
      total += Long.parseLong(m.group(1));
    }
    return total;
  }

  private static String from(int c) {
    return String.format("55119%08d", 50_000 + c);
  }
}
