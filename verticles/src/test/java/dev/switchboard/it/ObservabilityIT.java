package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.store.Storage;
import dev.switchboard.config.StorageConfig;
import dev.switchboard.edge.AdminRoutesAccess;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import dev.switchboard.engine.channel.MetaSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Metrics after real traffic, the correlation id from edge to provider, readiness and the OpenAPI document. */
class ObservabilityIT {
  private static final String RETRIED = "5511944440001";
  private static final String DEAD = "5511944440002";
  private static FakeProvider graph;
  private static TestEngine t;
  private static final AtomicInteger RETRIED_CALLS = new AtomicInteger();

  @BeforeAll
  static void start() {
    graph = new FakeProvider().start();
    graph.respond(r -> {
      String to = new JsonObject(r.body()).getString("to");
      if (RETRIED.equals(to) && RETRIED_CALLS.incrementAndGet() == 1) {
        return new FakeProvider.Response(500, "{\"error\":{\"message\":\"boom\",\"code\":1}}");
      }
      if (DEAD.equals(to)) {
        return new FakeProvider.Response(400, "{\"error\":{\"message\":\"(#131047) Re-engagement message\","
            + "\"type\":\"OAuthException\",\"code\":131047}}");
      }
      return new FakeProvider.Response(200, graph.graphOk());
    });
    t = new TestEngine(Map.of("WA_SENDER", "whatsapp", "PROVIDER_URL", graph.url(), "DEBOUNCE_MS", "0"));
  }

  @AfterAll
  static void stop() {
    t.close();
    graph.close();
  }

  @Test
  void countersMoveWithBoundedLabels() {
    assertThat(Await.of(t.whatsappText(RETRIED, "wamid.obs1", "oi")).statusCode()).isEqualTo(200);
    assertThat(Await.of(t.whatsappText(RETRIED, "wamid.obs1", "oi")).statusCode()).isEqualTo(200);
    assertThat(Await.of(t.whatsappText(DEAD, "wamid.obs2", "oi")).statusCode()).isEqualTo(200);
    byte[] body = WhatsAppPayloads.text(RETRIED, "wamid.obs3", "oi");
    assertThat(Await.of(t.client.post("/webhooks/wa").putHeader("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
        .sendBuffer(Buffer.buffer(body))).statusCode()).isEqualTo(401);
    assertThat(Await.of(t.postMeta("wa", "{nope".getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(400);
    assertThat(Await.until(() -> scrape().contains("outcome=\"dead\"") && count(scrape(), "sb_outbound_attempts_total",
        "outcome=\"sent\"") >= 1 && count(scrape(), "sb_outbound_attempts_total", "outcome=\"retry\"") >= 1, 10_000))
        .isTrue();

    String metrics = scrape();
    assertThat(count(metrics, "sb_webhook_events_total", "outcome=\"accepted\"", "tenant=\"acme\"",
        "channel=\"whatsapp\"")).isGreaterThanOrEqualTo(2);
    assertThat(count(metrics, "sb_webhook_events_total", "outcome=\"duplicate\"")).isGreaterThanOrEqualTo(1);
    assertThat(count(metrics, "sb_webhook_events_total", "outcome=\"invalid_signature\"")).isGreaterThanOrEqualTo(1);
    assertThat(count(metrics, "sb_webhook_events_total", "outcome=\"malformed\"")).isGreaterThanOrEqualTo(1);
    assertThat(count(metrics, "sb_outbound_attempts_total", "outcome=\"dead\"", "sender=\"whatsapp\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(count(metrics, "sb_session_step_seconds_count", "tenant=\"acme\"")).isGreaterThanOrEqualTo(2);
    assertThat(count(metrics, "sb_ai_request_seconds_count", "provider=\"rules\"", "outcome=\"ok\""))
        .isGreaterThanOrEqualTo(2);
    assertThat(metrics).contains("sb_mailbox_pending{shard=\"0\"}").contains("vertx_http_server_requests_total");
    assertThat(metrics).doesNotContain(RETRIED).doesNotContain(DEAD).doesNotContain("wamid.");
  }

  @Test
  void theCorrelationIdTravelsFromEdgeToSessionToOutboundAndTheProvider() {
    Logger root = (Logger) LoggerFactory.getLogger("ROOT");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    try {
      String cid = "cid-observability-1";
      byte[] body = WhatsAppPayloads.text("5511944440003", "wamid.obs4", "bom dia");
      var res = Await.of(t.client.post("/webhooks/wa").putHeader("X-Correlation-Id", cid)
          .putHeader("X-Hub-Signature-256", MetaSignature.sign(TestEngine.APP_SECRET, body))
          .sendBuffer(Buffer.buffer(body)));
      assertThat(res.statusCode()).isEqualTo(200);
      assertThat(res.getHeader("X-Correlation-Id")).isEqualTo(cid);
      assertThat(Await.until(() -> graph.received().stream().anyMatch(r -> cid.equals(r.headers().get("X-Correlation-Id"))),
          15_000)).isTrue();
      assertThat(Await.until(() -> loggersWith(captured, cid).containsAll(
          Set.of("WebhookRoutes", "ConversationTurns", "OutboundVerticle")), 15_000))
          .as("log lines carrying the id: %s", loggersWith(captured, cid)).isTrue();
    } finally {
      root.detachAppender(captured);
    }
  }

  @Test
  void readinessNamesItsChecks() {
    var ready = Await.of(t.client.get("/ready").send());
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.bodyAsJsonObject().getJsonObject("checks").getJsonObject("inbox").getString("status"))
        .isEqualTo("UP");
  }

  @Test
  void theOpenApiDocumentListsEveryAdminRoute() {
    var res = Await.of(t.client.get("/admin/v1/openapi.json").send());
    assertThat(res.statusCode()).isEqualTo(200);
    JsonObject paths = res.bodyAsJsonObject().getJsonObject("paths");
    Set<String> documented = new HashSet<>();
    paths.forEach(p -> ((JsonObject) p.getValue()).fieldNames()
        .forEach(m -> documented.add(m.toUpperCase() + " /admin/v1" + p.getKey())));

    Router router = Router.router(t.outside);
    AdminRoutesAccess.mount(router, t.outside, Storage.memory(new StorageConfig(null, 0, 0, null, null)));
    Set<String> served = new HashSet<>();
    for (Route route : router.getRoutes()) {
      if (route.getPath() == null || route.getPath().endsWith("/*") || route.methods() == null) {
        continue;
      }
      String path = Pattern.compile(":(\\w+)").matcher(route.getPath()).replaceAll("{$1}");
      route.methods().forEach(m -> served.add(m.name() + " " + path));
    }
    assertThat(served).isNotEmpty();
    assertThat(documented).isEqualTo(served);
  }

  @Test
  void dashboardAndAlertsUseOnlyMetricsTheEngineDeclares() throws IOException {
    String declared = Files.readString(
        Path.of("src/main/java/dev/switchboard/metrics/SwitchboardMetrics.java"))
        + Files.readString(Path.of("src/main/java/dev/switchboard/session/SessionVerticle.java"))
        + Files.readString(Path.of("src/main/java/dev/switchboard/scheduler/SchedulerVerticle.java"))
        + Files.readString(Path.of("src/main/java/dev/switchboard/store/redis/RedisStores.java"));
    String config = Files.readString(Path.of("../config/grafana/switchboard-dashboard.json"))
        + Files.readString(Path.of("../config/prometheus/switchboard-alerts.yml"));
    var used = Pattern.compile("sb_[a-z_]+").matcher(config).results().map(m -> m.group())
        .map(n -> n.replaceAll("_(bucket|count|sum|max)$", "")).collect(Collectors.toSet());
    assertThat(used).hasSizeGreaterThan(8);
    for (String name : used) {
      assertThat(declared).as(name).contains("\"" + name + "\"");
    }
  }

  private static Set<String> loggersWith(ListAppender<ILoggingEvent> captured, String cid) {
    Set<String> loggers = new HashSet<>();
    for (ILoggingEvent e : captured.list.toArray(new ILoggingEvent[0])) {
      if (e.getFormattedMessage().contains("cid=" + cid)) {
        loggers.add(e.getLoggerName().substring(e.getLoggerName().lastIndexOf('.') + 1));
      }
    }
    return loggers;
  }

  private static String scrape() {
    return Await.of(t.client.get("/metrics").send()).bodyAsString();
  }

  /** Sum of the samples of {@code name} whose labels include all of {@code labels}. */
  static double count(String metrics, String name, String... labels) {
    double sum = 0;
    for (String line : metrics.split("\n")) {
      if (!line.startsWith(name + "{")) {
        continue;
      }
      boolean all = true;
      for (String label : labels) {
        all &= line.contains(label);
      }
      if (all) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }
}
