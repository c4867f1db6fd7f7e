package dev.switchboard.it;

import io.vertx.core.json.JsonArray;
import io.vertx.core.buffer.Buffer;
import dev.switchboard.engine.channel.MetaSignature;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.store.Stores;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.store.PgTestDatabase;
import dev.switchboard.store.pg.PgStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import io.vertx.core.http.PoolOptions;

/**
 * Three engine processes clustered with Hazelcast on loopback, sharing PostgreSQL and one real Kafka broker.
 * Signed webhooks for many conversations are spread over all nodes (each conversation's messages land on
 * different nodes); one node is SIGKILLed mid-load and started again later. Every acknowledged event is
 * processed once and in its conversation's order, and the provider receives every reply once in effect.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  private static final int NODES = 3;
  private static final int CONVERSATIONS = 150;
  private static final int MESSAGES = 8;
  /** The broker-restart test's contacts come after the node-loss test's on the LLM tenant. */
  private static final int BROKER_CONTACTS = 200;
  private static Vertx vertx;
  private static PgTestDatabase db;
  private static Stores stores;
  private static FakeProvider graph;
  /** An OpenAI-compatible server that echoes each message, so a reply names the message it answers. */
  private static FakeProvider llm;
  private static ClusterNodes nodes;
  private static WebClient client;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    db = new PgTestDatabase(vertx);
    stores = Await.of(PgStores.create(vertx, db.config()));
    graph = new FakeProvider().start();
    llm = new FakeProvider().start();
    llm.respond(r -> new FakeProvider.Response(200, DatabaseBlipIT.echo(r.body())));
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1"),
        new PoolOptions().setHttp1MaxSize(24));
    nodes = new ClusterNodes(NODES, db.schema(), Map.of("STORAGE", "postgres", "PG_URL", db.config().url(),
        "WA_SENDER", "whatsapp", "PROVIDER_URL", graph.url(), "DEBOUNCE_MS", "0", "REQUEST_TIMEOUT_MS", "1000",
        "TICK_MS", "500", "OPENAI_URL", llm.url() + "/v1", "WA_AI_SENDER", "whatsapp"), client).start();
    for (int i = 0; i < NODES; i++) {
      int node = i;
      assertThat(Await.until(() -> nodes.ready(node) != null && nodes.ready(node).getJsonObject("checks")
          .getJsonObject("cluster").getInteger("members") == NODES, 120_000))
          .as("node %d ready in a cluster of %d", node + 1, NODES).isTrue();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (nodes != null) {
      nodes.close();
    }
    if (client != null) {
      client.close();
    }
    if (graph != null) {
      graph.close();
    }
    if (llm != null) {
      llm.close();
    }
    if (db != null) {
      db.close();
    }
    if (vertx != null) {
      Await.of(vertx.close());
    }
  }

  @Test
  @Order(1)
  void readinessShowsMembershipAndADisjointPartitionAssignment() {
    // One snapshot of all three nodes' views, taken again until the group has settled (a late join rebalances).
    assertThat(Await.until(() -> {
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < NODES; i++) {
        JsonObject ready = nodes.ready(i);
        if (ready == null || !ready.getJsonObject("checks").containsKey("kafka")) {
          return false;
        }
        JsonObject kafka = ready.getJsonObject("checks").getJsonObject("kafka");
        if (!"UP".equals(kafka.getString("status"))) {
          return false;
        }
        kafka.getJsonArray("partitions").forEach(p -> all.add((Integer) p));
      }
      return all.size() == 12 && new HashSet<>(all).size() == 12;
    }, 60_000)).as("all 12 partitions assigned across the nodes, each to one node").isTrue();
  }

  @Test
  @Order(2)
  void eachScheduledOccurrenceFiresOnceWithThreeNodesRunning() {
    // The idle-close schedule ticks every 500 ms; every node polls, one claims each occurrence.
    assertThat(Await.until(() -> occurrences().size() >= 6, 30_000)).isTrue();
    List<String> fired = occurrences();
    assertThat(fired).as("occurrences fired across the three nodes").doesNotHaveDuplicates();
  }

  @Test
  @Order(3)
  void losingANodeMidLoadLosesNothingAndDoublesNothing() throws Exception {
    AtomicInteger acked = new AtomicInteger();
    Random random = new Random(11);
    List<Future<Void>> conversations = new ArrayList<>();
    for (int c = 0; c < CONVERSATIONS; c++) {
      Future<Void> chain = Future.succeededFuture();
      for (int m = 0; m < MESSAGES; m++) {
        byte[] body = WhatsAppPayloads.text(from(c), "wamid.n" + c + "m" + m, "pedido " + m);
        boolean twice = random.nextInt(10) == 0;
        int first = (c + m) % NODES;
        chain = chain.compose(v -> deliver(body, first, acked))
            .compose(v -> twice ? deliver(body, first + 1, acked) : Future.succeededFuture());
      }
      conversations.add(chain);
    }
    Future<?> all = Future.all(conversations);
    int total = CONVERSATIONS * MESSAGES;
    assertThat(Await.until(() -> acked.get() >= total / 3, 120_000)).isTrue();
    EngineProcess victim = nodes.node(1);
    victim.kill();
    int ackedAtKill = acked.get();
    assertThat(Await.until(() -> acked.get() >= ackedAtKill + total / 4 || all.isComplete(), 120_000)).isTrue();
    victim.start();
    Await.of(all);
    assertThat(ackedAtKill).isLessThan(total);

    assertThat(Await.until(() -> Await.of(stores.inbox().countUnprocessed()) == 0 && LoadChecks.unsettled(stores) == 0, 120_000))
        .as("all events processed and all commands settled").isTrue();

    LoadChecks.assertProcessedOnceInOrder(stores, CONVERSATIONS, MESSAGES, ClusterIT::from, "wamid.n");
    long resends = LoadChecks.assertRepliesOnceInEffect(stores, graph);
    LoadChecks.assertNoFallbackReply(stores);
    assertThat(resends).as("resends beyond the sends the dead node had claimed").isLessThanOrEqualTo(leasesTakenBack());
    String logs = nodes.logs();
    System.out.printf("cluster test: %d webhooks acked (%d before the kill), %d replies, %d resent, %d redelivered "
            + "event(s) skipped%n", acked.get(), ackedAtKill, Await.of(stores.outbox().list("acme", null, 100_000)).size(),
        resends,
        count(logs, "redelivered events skipped"));
  }

  @Test
  @Order(4)
  void aHandOffAskedOnAnyNodeRunsOnTheOwningNodeAndAnswersTheCaller() {
    assertThat(Await.until(() -> nodes.all(i -> nodes.ready(i) != null), 120_000)).as("every node back").isTrue();
    String key = TestEngine.key("acme", "wa", "+" + from(0));
    for (int node = 0; node < NODES; node++) {
      boolean toHuman = node % 2 == 0;
      var response = Await.of(client.post(nodes.port(node), "127.0.0.1",
              "/admin/v1/conversations/" + key + (toHuman ? "/handoff" : "/handback"))
          .putHeader("Authorization", TestEngine.ADMIN).timeout(15_000).sendJsonObject(new JsonObject().put("agent", "ana")));
      assertThat(response.statusCode()).as("node %d", node + 1).isEqualTo(200);
      assertThat(response.bodyAsJsonObject().getString("state")).isEqualTo(toHuman ? "HUMAN" : "BOT");
    }
    var unknown = Await.of(client.post(nodes.port(1), "127.0.0.1", "/admin/v1/conversations/"
            + TestEngine.key("acme", "wa", "+5511999990000") + "/handoff")
        .putHeader("Authorization", TestEngine.ADMIN).timeout(15_000).sendJsonObject(new JsonObject()));
    assertThat(unknown.statusCode()).as("no such conversation, answered from the owning node").isEqualTo(404);
    assertThat(Await.of(stores.audit().list(new ConversationKey("acme", "wa", "+" + from(0)))))
        .extracting(a -> a.to().name()).containsSubsequence("HUMAN", "BOT", "HUMAN");
  }

  @Test
  @Order(5)
  void aConfigurationReloadAskedOnOneNodeReachesEveryNode() throws Exception {
    nodes.editConfigs(yaml -> yaml.replace("Olá! Como posso ajudar?", "Oi, aqui é a equipe nova!"));
    var reloaded = Await.of(client.post(nodes.port(0), "127.0.0.1", "/admin/v1/config/reload")
        .putHeader("Authorization", TestEngine.ADMIN).timeout(15_000).send());
    assertThat(reloaded.statusCode()).isEqualTo(200);
    assertThat(Await.until(() -> nodes.all(i -> nodes.node(i).log().contains("configuration reloaded")), 15_000))
        .as("every node read its configuration again").isTrue();
    // AI requests go to any node's AI verticle: greetings from nine new contacts exercise all three.
    AtomicInteger acked = new AtomicInteger();
    List<String> contacts = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      String contact = String.format("55119%08d", 70_000 + i);
      contacts.add(contact);
      int node = i % NODES;
      Await.of(deliver(WhatsAppPayloads.text(contact, "wamid.reload" + i, "oi"), node, acked));
    }
    assertThat(Await.until(() -> contacts.stream().allMatch(c -> repliesTo(c).size() == 1), 30_000)).isTrue();
    assertThat(contacts).allSatisfy(c -> assertThat(repliesTo(c).get(0)).contains("Oi, aqui é a equipe nova!"));
  }

  /**
   * A tenant provisioned through one node's admin API is served by every node: a signed webhook for its new channel
   * is accepted by each of the other two and answered (the time each node took to accept it is printed).
   */
  @Test
  @Order(5)
  void aTenantProvisionedOnOneNodeIsServedByEveryNode() {
    String secret = "loja_cluster_app_secret";
    JsonObject tenant = new JsonObject().put("id", "loja").put("aiProvider", "rules")
        .put("templates", new JsonObject().put("greeting", "Olá da loja!").put("other", "Não entendi."))
        .put("channels", new JsonArray().add(new JsonObject().put("id", "wa-loja").put("type", "whatsapp")
            .put("sender", "whatsapp").put("appSecret", secret).put("verifyToken", "verifica-loja")
            .put("accessToken", "token-loja").put("phoneNumberId", "209715200034343")));
    var created = Await.of(client.post(nodes.port(0), "127.0.0.1", "/admin/v1/tenants")
        .putHeader("Authorization", TestEngine.ADMIN).timeout(15_000).sendJsonObject(tenant));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    long createdAt = System.nanoTime();
    for (int node = 1; node < NODES; node++) {
      String contact = String.format("55119%08d", 80_000 + node);
      byte[] body = WhatsAppPayloads.text(contact, "wamid.loja." + node, "oi");
      int port = nodes.port(node);
      assertThat(Await.until(() -> Await.of(client.post(port, "127.0.0.1", "/webhooks/wa-loja")
          .putHeader("Content-Type", "application/json")
          .putHeader("X-Hub-Signature-256", MetaSignature.sign(secret, body)).timeout(5_000)
          .sendBuffer(Buffer.buffer(body))).statusCode() == 200, 15_000)).as("node %d serves the new channel", node)
          .isTrue();
      System.out.printf("provisioned tenant accepted by node %d %d ms after its creation%n", node,
          (System.nanoTime() - createdAt) / 1_000_000);
      assertThat(Await.until(() -> repliesTo(contact).size() == 1, 30_000)).isTrue();
      assertThat(repliesTo(contact).get(0)).contains("Olá da loja!");
    }
  }

  /**
   * The Kafka broker stopped and started again mid-load (a broker restart, a managed broker's maintenance): webhooks
   * are refused (503/504) while the session log cannot be appended to and retried by the senders; afterwards every
   * acknowledged message is processed once and in order, and answered once, in order, none with the fallback.
   */
  @Test
  @Order(6)
  void aBrokerRestartMidLoadLosesNothingAndDoublesNothing() throws Exception {
    int conversations = 60;
    int messages = 6;
    AtomicInteger acked = new AtomicInteger();
    Future<?> all = LoadChecks.conversations(vertx, client, "wa-ai", conversations, messages,
        c -> llmContact(BROKER_CONTACTS + c), "wamid.kb", ClusterIT::spread, acked);
    int total = conversations * messages;
    assertThat(Await.until(() -> acked.get() >= total / 4, 120_000)).isTrue();
    kafka("stop");
    int ackedAtStop = acked.get();
    kafka("start");
    long restartedAt = System.nanoTime();
    Await.of(all);
    long healMs = (System.nanoTime() - restartedAt) / 1_000_000;
    assertThat(ackedAtStop).isLessThan(total);
    assertThat(Await.until(() -> repliesComplete(BROKER_CONTACTS, conversations, messages) == conversations, 240_000))
        .as("every contact answered once per message, none with the fallback").isTrue();
    assertThat(Await.until(() -> Await.of(stores.inbox().countUnprocessed()) == 0, 60_000))
        .as("nothing left unprocessed").isTrue();
    LoadChecks.assertProcessedOnceInOrder(stores, "bot2", "wa-ai", conversations, messages,
        c -> llmContact(BROKER_CONTACTS + c), "wamid.kb");
    int inOrder = repliesInOrder(BROKER_CONTACTS, conversations, messages);
    assertThat(inOrder).as("contacts whose replies reached the provider in message order").isEqualTo(conversations);
    assertThat(Await.until(ClusterIT::allNodesUp, 60_000)).as("every node ready and UP again").isTrue();
    System.out.printf("broker restart: %d acked before the stop, the rest of %d acknowledged %d ms after the broker "
        + "was back; %d of %d contacts got their replies in order%n", ackedAtStop, total, healMs, inOrder, conversations);
  }

  /**
   * A node killed mid-load on a tenant answered by an LLM that echoes each message: the provider gets every reply
   * once per idempotency key, in message order, none the fallback. A reply the dead node had claimed is sent when its
   * lease expires; the conversation's later replies, answered on another node, wait for it (the outbound reads a
   * conversation's older unsettled commands when its lane starts, see ReplyOrderAcrossProcessesIT).
   */
  @Test
  @Order(7)
  void aNodeLostMidLoadOnAnLlmTenantAnswersEveryMessageOnceWithoutAFallback() throws Exception {
    int conversations = 40;
    int messages = 6;
    AtomicInteger acked = new AtomicInteger();
    Future<?> all = LoadChecks.conversations(vertx, client, "wa-ai", conversations, messages, ClusterIT::llmContact,
        "wamid.llm", ClusterIT::spread, acked);
    int total = conversations * messages;
    assertThat(Await.until(() -> acked.get() >= total / 3, 120_000)).isTrue();
    EngineProcess victim = nodes.node(2);
    victim.kill();
    assertThat(Await.until(() -> acked.get() >= total * 2 / 3 || all.isComplete(), 120_000)).isTrue();
    long restartedAt = System.nanoTime();
    victim.start();
    // Start to ready on a busy box: JVM, cluster join, migrations checked, recovery, Kafka group join.
    assertThat(Await.until(() -> nodes.ready(2) != null && "UP".equals(nodes.ready(2).getString("status")), 120_000))
        .as("the restarted node is ready").isTrue();
    long readyMs = (System.nanoTime() - restartedAt) / 1_000_000;
    Await.of(all);
    // The dead node's partitions move after the consumer group's session timeout and its claimed sends after their
    // lease: on two busy cores that has taken up to two minutes, hence the long bound (it returns when all arrived).
    long waitStarted = System.nanoTime();
    Await.until(() -> repliesComplete(0, conversations, messages) == conversations, 240_000);
    long healedMs = (System.nanoTime() - waitStarted) / 1_000_000;
    List<String> expected = new ArrayList<>();
    for (int m = 0; m < messages; m++) {
      expected.add("eco: pedido " + m);
    }
    LoadChecks.assertProcessedOnceInOrder(stores, "bot2", "wa-ai", conversations, messages, ClusterIT::llmContact,
        "wamid.llm");
    for (int c = 0; c < conversations; c++) {
      assertThat(llmReplies(llmContact(c))).as("contact %d: every message answered once, in order, none the fallback", c)
          .containsExactlyElementsOf(expected);
    }
    assertThat(Await.until(ClusterIT::allNodesUp, 60_000)).as("every node ready and UP again").isTrue();
    System.out.printf("node lost on the LLM tenant: every message answered, in order, %d ms after the node came "
        + "back; the restarted node was ready %d ms after its start%n", healedMs, readyMs);
  }

  /** How many contacts (from {@code first}) already have every reply once, in whatever order. */
  private static int repliesComplete(int first, int conversations, int messages) {
    int done = 0;
    for (int c = first; c < first + conversations; c++) {
      Set<String> replies = new HashSet<>(llmReplies(llmContact(c)));
      boolean ok = replies.size() == messages;
      for (int m = 0; ok && m < messages; m++) {
        ok = replies.contains("eco: pedido " + m);
      }
      done += ok ? 1 : 0;
    }
    return done;
  }

  /** Like a load balancer: each message to the next node, a refused one to the node after. */
  private static int spread(int c, int m, int tries) {
    return nodes.port(Math.floorMod(c + m + tries, NODES));
  }

  private static boolean allNodesUp() {
    for (int i = 0; i < NODES; i++) {
      JsonObject ready = nodes.ready(i);
      if (ready == null || !"UP".equals(ready.getString("status"))) {
        return false;
      }
    }
    return true;
  }

  /** How many contacts (from {@code first}) already have exactly their replies, in order. */
  private static int repliesInOrder(int first, int conversations, int messages) {
    int done = 0;
    for (int c = first; c < first + conversations; c++) {
      List<String> replies = llmReplies(llmContact(c));
      boolean ok = replies.size() == messages;
      for (int m = 0; ok && m < messages; m++) {
        ok = replies.get(m).equals("eco: pedido " + m);
      }
      done += ok ? 1 : 0;
    }
    return done;
  }

  /** The texts the provider received for a contact, in arrival order, one per idempotency key (its first). */
  private static List<String> llmReplies(String contact) {
    Set<String> seen = new HashSet<>();
    List<String> texts = new ArrayList<>();
    for (FakeProvider.Recorded r : graph.received()) {
      JsonObject body = new JsonObject(r.body());
      if (contact.equals(body.getString("to")) && seen.add(String.valueOf(r.headers().get("Idempotency-Key")))) {
        texts.add(body.getJsonObject("text").getString("body"));
      }
    }
    return texts;
  }

  private static String llmContact(int c) {
    return String.format("55119%08d", 68_000 + c);
  }

  /** scripts/kafka/kafka.sh, which started the broker for this build: it stops only what it started. */
  private static void kafka(String command) throws Exception {
    Process p = new ProcessBuilder("bash", "../scripts/kafka/kafka.sh", command).inheritIO().start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("kafka.sh " + command).isTrue();
    assertThat(p.exitValue()).as("kafka.sh " + command).isZero();
  }

  private static List<String> repliesTo(String contact) {
    return graph.received().stream().map(FakeProvider.Recorded::body)
        .filter(b -> contact.equals(new JsonObject(b).getString("to"))).toList();
  }

  /** Like a load balancer in front of the nodes: a refused or failed request goes to the next node. */
  private static Future<Void> deliver(byte[] body, int node, AtomicInteger acked) {
    return LoadChecks.deliver(vertx, client, body, tries -> nodes.port(Math.floorMod(node + tries, NODES)), acked);
  }

  private static Set<Integer> assignedPartitions() {
    Set<Integer> all = new HashSet<>();
    for (int i = 0; i < NODES; i++) {
      JsonObject r = nodes.ready(i);
      if (r != null && r.getJsonObject("checks").containsKey("kafka")) {
        r.getJsonObject("checks").getJsonObject("kafka").getJsonArray("partitions").forEach(p -> all.add((Integer) p));
      }
    }
    return all;
  }

  private static List<String> occurrences() {
    List<String> fired = new ArrayList<>();
    Matcher m = Pattern.compile("schedule fired schedule=idle-close job=idle-close occurrence=(\\S+)")
        .matcher(nodes.logs());
    while (m.find()) {
      fired.add(m.group(1));
    }
    return fired;
  }

  private static long leasesTakenBack() {
    return count(nodes.logs(), "send lease expired, taking back");
  }

  private static long count(String text, String needle) {
    long n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static String from(int c) {
    return String.format("55119%08d", 60_000 + c);
  }
}
