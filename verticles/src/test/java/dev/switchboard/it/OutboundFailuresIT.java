package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How outbound behaves when providers misbehave: the retry schedule (with an injected clock), Retry-After,
 * timeouts, permanent refusals, the circuit breaker, and pacing under a burst.
 */
class OutboundFailuresIT {

  private static JsonObject template(String name) {
    return new JsonObject().put("kind", "template").put("name", name).put("language", "pt_BR");
  }

  private static String enqueue(TestEngine t, String recipient, String sourceId) {
    var res = Await.of(t.adminPost("/admin/v1/actions", new JsonObject().put("tenant", "acme").put("target", "wa")
        .put("recipient", recipient).put("sourceId", sourceId).put("payload", template("aviso"))));
    assertThat(res.statusCode()).isEqualTo(202);
    return res.bodyAsJsonObject().getString("id");
  }

  private static OutboundCommand get(TestEngine t, String id) {
    return Await.of(t.engine.stores().outbox().get(id));
  }

  @Test
  void transientFailuresRetryOnScheduleHonouringRetryAfterThenDie() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
    try (FakeProvider graph = new FakeProvider().start();
         TestEngine t = new TestEngine(Map.of("PROVIDER_URL", graph.url(), "WA_SENDER", "whatsapp",
             "MAX_ATTEMPTS", "4"), clock)) {
      graph.respond(r -> new FakeProvider.Response(429, "{\"error\":{\"message\":\"(#130429) Rate limit hit\","
          + "\"code\":130429}}", "7", 0));
      String id = enqueue(t, "5511966660001", "retry-1");
      List<Duration> waits = new ArrayList<>();
      for (int attempt = 1; attempt <= 4; attempt++) {
        int expected = attempt;
        assertThat(Await.until(() -> graph.received().size() == expected, 15_000)).as("attempt %d", attempt).isTrue();
        assertThat(Await.until(() -> get(t, id).status() != CommandStatus.SENDING, 15_000)).isTrue();
        OutboundCommand c = get(t, id);
        assertThat(c.attempts()).isEqualTo(attempt);
        if (attempt < 4) {
          assertThat(c.status()).isEqualTo(CommandStatus.RETRY);
          waits.add(Duration.between(clock.instant(), c.nextAttemptAt()));
          // Not a moment before it is due: the provider sees no extra call.
          clock.advance(Duration.between(clock.instant(), c.nextAttemptAt()).minusMillis(1));
          sleep(600);
          assertThat(graph.received()).hasSize(attempt);
          clock.advance(Duration.ofMillis(1));
        }
      }
      OutboundCommand dead = get(t, id);
      assertThat(dead.status()).isEqualTo(CommandStatus.DEAD);
      assertThat(dead.lastError()).contains("retries exhausted").contains("130429");
      // Retry-After: 7 is a floor under the jittered backoff (base 50 ms, cap 500 ms in the test config... capped).
      assertThat(waits).hasSize(3).allSatisfy(w -> assertThat(w).isBetween(Duration.ofMillis(500), Duration.ofSeconds(7)));
    }
  }

  @Test
  void timeoutsAreTransientAndPermanentErrorsDieAtOnce() {
    try (FakeProvider graph = new FakeProvider().start();
         TestEngine t = new TestEngine(Map.of("PROVIDER_URL", graph.url(), "WA_SENDER", "whatsapp",
             "REQUEST_TIMEOUT_MS", "300"))) {
      AtomicReference<String> mode = new AtomicReference<>("slow");
      graph.respond(r -> switch (mode.get()) {
        case "slow" -> new FakeProvider.Response(200, graph.graphOk(), null, 2000);
        case "undeliverable" -> new FakeProvider.Response(400, "{\"error\":{\"message\":\"(#131026) Message "
            + "undeliverable\",\"code\":131026}}");
        default -> new FakeProvider.Response(200, graph.graphOk());
      });
      String slow = enqueue(t, "5511966660002", "slow-1");
      assertThat(Await.until(() -> get(t, slow).status() == CommandStatus.RETRY, 15_000)).isTrue();
      assertThat(get(t, slow).lastError()).contains("whatsapp").contains("Timeout");
      mode.set("ok");
      assertThat(Await.until(() -> get(t, slow).status() == CommandStatus.SENT, 15_000)).isTrue();

      mode.set("undeliverable");
      String refused = enqueue(t, "5511966660003", "refused-1");
      assertThat(Await.until(() -> get(t, refused).status() == CommandStatus.DEAD, 15_000)).isTrue();
      assertThat(get(t, refused).attempts()).isEqualTo(1);
      assertThat(get(t, refused).lastError()).contains("131026");
    }
  }

  @Test
  void aRetriedReplyIsNotOvertakenByNewerRepliesToTheSameCustomer() {
    try (FakeProvider graph = new FakeProvider().start();
         TestEngine t = new TestEngine(Map.of("PROVIDER_URL", graph.url(), "WA_SENDER", "whatsapp"))) {
      AtomicInteger calls = new AtomicInteger();
      graph.respond(r -> calls.incrementAndGet() <= 2
          ? new FakeProvider.Response(503, "{\"error\":{\"message\":\"busy\",\"code\":2}}")
          : new FakeProvider.Response(200, graph.graphOk()));
      List<String> ids = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        ids.add(enqueue(t, "5511966669999", "order-" + i));
      }
      assertThat(Await.until(() -> ids.stream().allMatch(id -> get(t, id).status() == CommandStatus.SENT), 10_000))
          .isTrue();
      List<String> accepted = graph.received().stream().skip(2).map(r -> r.headers().get("Idempotency-Key")).toList();
      assertThat(accepted).containsExactlyElementsOf(ids);
      assertThat(graph.received().get(0).headers().get("Idempotency-Key")).isEqualTo(ids.get(0));
      assertThat(graph.received().get(1).headers().get("Idempotency-Key")).isEqualTo(ids.get(0));
    }
  }

  @Test
  void aReplyStillQueuedWhenAPersonTakesOverIsNotSent() {
    try (FakeProvider graph = new FakeProvider().start();
         TestEngine t = new TestEngine(Map.of("PROVIDER_URL", graph.url(), "WA_SENDER", "whatsapp"))) {
      AtomicBoolean down = new AtomicBoolean(true);
      AtomicInteger accepted = new AtomicInteger();
      graph.respond(r -> {
        if (down.get()) {
          return new FakeProvider.Response(503, "{\"error\":{\"message\":\"busy\",\"code\":2}}");
        }
        accepted.incrementAndGet();
        return new FakeProvider.Response(200, graph.graphOk());
      });
      String from = "5511955551234";
      assertThat(Await.of(t.whatsappText(from, "wamid.takeover-1", "qual o preço?")).statusCode()).isEqualTo(200);
      assertThat(Await.until(() -> graph.received().size() >= 2, 10_000)).as("the bot's reply is being retried").isTrue();

      var taken = Await.of(t.adminPost("/admin/v1/conversations/" + TestEngine.key("acme", "wa", "+" + from)
          + "/handoff", new JsonObject().put("agent", "ana")));
      assertThat(taken.bodyAsJsonObject().getString("state")).isEqualTo("HUMAN");
      down.set(false);

      String id = "acme:wa/wamid.takeover-1:0";
      assertThat(id).isEqualTo(Await.of(t.engine.stores().outbox().list("acme", null, 10)).get(0).id());
      assertThat(Await.until(() -> get(t, id).status() == CommandStatus.DEAD, 10_000)).isTrue();
      assertThat(get(t, id).lastError()).contains("a person took the conversation over");
      assertThat(accepted.get()).as("the provider never accepted the stale reply").isZero();
    }
  }

  @Test
  void theBreakerOpensOnAFailingProviderAndClosesWhenItRecovers() {
    try (FakeProvider graph = new FakeProvider().start();
         TestEngine t = new TestEngine(Map.of("PROVIDER_URL", graph.url(), "WA_SENDER", "whatsapp",
             "BREAKER_FAILURES", "3", "BREAKER_RESET_MS", "3000", "MAX_ATTEMPTS", "50"))) {
      AtomicReference<Boolean> down = new AtomicReference<>(true);
      graph.respond(r -> down.get() ? new FakeProvider.Response(500, "{\"error\":{\"message\":\"oops\",\"code\":2}}")
          : new FakeProvider.Response(200, graph.graphOk()));
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        ids.add(enqueue(t, "55119666601" + String.format("%02d", i), "breaker-" + i));
      }
      assertThat(Await.until(() -> scrape(t).contains("sb_breaker_open{breaker=\"outbound:acme:whatsapp\"} 1.0"), 15_000))
          .isTrue();
      int callsWhenOpen = graph.received().size();
      sleep(500);
      assertThat(graph.received().size()).as("no calls while the breaker is open").isEqualTo(callsWhenOpen);

      down.set(false);
      assertThat(Await.until(() -> ids.stream().allMatch(id -> get(t, id).status() == CommandStatus.SENT), 15_000))
          .isTrue();
      assertThat(scrape(t)).contains("sb_breaker_open{breaker=\"outbound:acme:whatsapp\"} 0.0");
    }
  }

  @Test
  void throttlingIsBackedOffButDoesNotOpenTheBreaker() {
    try (FakeProvider graph = new FakeProvider().start();
         TestEngine t = new TestEngine(Map.of("PROVIDER_URL", graph.url(), "WA_SENDER", "whatsapp",
             "BREAKER_FAILURES", "3", "BREAKER_RESET_MS", "30000", "MAX_ATTEMPTS", "50"))) {
      AtomicInteger calls = new AtomicInteger();
      // The first eight calls are refused as "too many requests", as WhatsApp does (code 130429, HTTP 400).
      graph.respond(r -> calls.incrementAndGet() <= 8
          ? new FakeProvider.Response(400, "{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"code\":130429}}")
          : new FakeProvider.Response(200, graph.graphOk()));
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ids.add(enqueue(t, "55119666602" + String.format("%02d", i), "throttled-" + i));
      }
      assertThat(Await.until(() -> ids.stream().allMatch(id -> get(t, id).status() == CommandStatus.SENT), 10_000))
          .as("sent once the provider stopped throttling, well before a 30 s breaker reset").isTrue();
      assertThat(calls.get()).isGreaterThan(8);
      assertThat(scrape(t)).contains("sb_breaker_open{breaker=\"outbound:acme:whatsapp\"} 0.0")
          .doesNotContain("outcome=\"dead\"");
    }
  }

  @Test
  void aBurstOfAThousandIsPacedPerSendingNumber() {
    try (FakeProvider graph = new FakeProvider().start();
         TestEngine t = new TestEngine(Map.of("PROVIDER_URL", graph.url(), "WA_SENDER", "whatsapp",
             "SENDER_RATE", "200", "SENDER_BURST", "20"))) {
      List<Future<?>> posts = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        posts.add(t.adminPost("/admin/v1/actions", new JsonObject().put("tenant", "acme").put("target", "wa")
            .put("recipient", String.format("55119777%05d", i)).put("sourceId", "burst-" + i)
            .put("payload", template("promo"))));
      }
      Await.of(Future.all(posts));
      assertThat(Await.until(() -> graph.received().size() >= 1000, 30_000)).isTrue();
      assertThat(Await.until(() -> Await.of(t.engine.stores().outbox().list("acme", CommandStatus.SENT, 5000)).size()
          >= 1000, 10_000)).isTrue();
      assertThat(graph.received()).hasSize(1000);
      long[] at = graph.received().stream().mapToLong(FakeProvider.Recorded::atMillis).sorted().toArray();
      int busiest = 0;
      for (int i = 0, j = 0; i < at.length; i++) {
        while (at[i] - at[j] >= 1000) {
          j++;
        }
        busiest = Math.max(busiest, i - j + 1);
      }
      // 200/s with a burst of 20: the bucket hands out its last token no earlier than (1000 - 20) / 200 = 4.9 s
      // after its first. Deliveries are seen at the provider, after the HTTP client's connection pool, so each
      // can lag its token by a stall on this 2-core box (the first ones also open connections): the span may
      // shrink by that jitter, hence the 0.9 s allowance. Unpaced, a thousand local sends take well under 2 s.
      long span = at[at.length - 1] - at[0];
      System.out.printf("burst: 1000 sends over %d ms, busiest 1 s window %d%n", span, busiest);
      assertThat(span).isGreaterThanOrEqualTo(4000);
      assertThat(scrape(t)).contains("sb_outbound_rate_limited_total{sender=\"whatsapp\"}");
    }
  }

  private static String scrape(TestEngine t) {
    return Await.of(t.client.get("/metrics").send()).bodyAsString();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
