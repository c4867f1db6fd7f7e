package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.store.PgTestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The report story on PostgreSQL (the roll-up reads messages, audit and outbox with SQL), plus what only durable
 * storage can show: occurrences missed while the engine was down are caught up once (run-once) or logged SKIPPED
 * (skip), and two engines polling the same database run each occurrence once.
 */
class ScheduledReportsPostgresIT extends ScheduledReportsIT {
  private Vertx vertx;
  private PgTestDatabase db;

  @Override
  Map<String, String> storage() {
    vertx = Vertx.vertx();
    db = new PgTestDatabase(vertx);
    return Map.of("STORAGE", "postgres", "PG_URL", db.config().url());
  }

  @Override
  @AfterEach
  void stop() {
    super.stop();
    db.close();
    Await.of(vertx.close());
  }

  private JsonObject hourly(String id, String catchUp) {
    return new JsonObject().put("id", id).put("cron", "0 * * * *").put("job", "rollup").put("catchUp", catchUp)
        .put("params", new JsonObject().put("days", 1));
  }

  private List<JsonObject> runsOf(TestEngine engine, String id) {
    return call(engine, HttpMethod.GET, SCHEDULES + "/" + id + "/runs", null).bodyAsJsonObject().getJsonArray("items")
        .stream().map(JsonObject.class::cast).toList();
  }

  @Test
  void occurrencesMissedWhileDownAreCaughtUpOnceOrSkipped() throws InterruptedException {
    assertThat(call(t, HttpMethod.POST, SCHEDULES, hourly("hourly-once", "run-once")).statusCode()).isEqualTo(201);
    assertThat(call(t, HttpMethod.POST, SCHEDULES, hourly("hourly-skip", "skip")).statusCode()).isEqualTo(201);
    Map<String, String> env = new HashMap<>(storage0());
    t.close();
    // Down from 15:00 to 20:30 UTC: five occurrences (16:00 … 20:00) missed.
    clock.advance(Duration.ofHours(5).plusMinutes(30));
    t = new TestEngine(env, clock);
    assertThat(Await.until(() -> runsOf(t, "hourly-once").size() == 1 && runsOf(t, "hourly-skip").size() == 1
        && !"RUNNING".equals(runsOf(t, "hourly-once").get(0).getString("status")), 10_000)).isTrue();
    JsonObject once = runsOf(t, "hourly-once").get(0);
    assertThat(once.getString("trigger")).isEqualTo("CATCH_UP");
    assertThat(once.getString("status")).isEqualTo("SUCCEEDED");
    assertThat(once.getString("occurrence")).isEqualTo("2026-05-10T20:00:00Z");
    JsonObject skipped = runsOf(t, "hourly-skip").get(0);
    assertThat(skipped.getString("status")).isEqualTo("SKIPPED");
    assertThat(skipped.getString("error")).contains("missed while no node was running");
    Thread.sleep(1500); // several polls: nothing more runs before the next occurrence
    assertThat(runsOf(t, "hourly-once")).hasSize(1);
    assertThat(call(t, HttpMethod.GET, SCHEDULES + "/hourly-once", null).bodyAsJsonObject().getString("nextRunAt"))
        .isEqualTo("2026-05-10T21:00:00Z");
    clock.advance(Duration.ofMinutes(30));
    assertThat(Await.until(() -> runsOf(t, "hourly-once").size() == 2, 10_000)).isTrue();
    assertThat(runsOf(t, "hourly-once").get(0).getString("trigger")).isEqualTo("SCHEDULED");
  }

  @Test
  void twoEnginesOnOneDatabaseRunEachOccurrenceOnce() throws InterruptedException {
    assertThat(call(t, HttpMethod.POST, SCHEDULES, new JsonObject().put("id", "every-minute").put("cron", "* * * * *")
        .put("job", "rollup").put("params", new JsonObject().put("days", 1))).statusCode()).isEqualTo(201);
    try (TestEngine second = new TestEngine(new HashMap<>(storage0()), clock)) {
      for (int minute = 1; minute <= 5; minute++) {
        clock.advance(Duration.ofMinutes(1));
        int expected = minute;
        assertThat(Await.until(() -> runsOf(t, "every-minute").stream()
            .filter(r -> "SUCCEEDED".equals(r.getString("status"))).count() == expected, 10_000))
            .as("occurrence %d ran", minute).isTrue();
      }
      Thread.sleep(1500);
      List<JsonObject> runs = runsOf(second, "every-minute");
      assertThat(runs).hasSize(5);
      assertThat(runs.stream().map(r -> r.getString("occurrence")).distinct().count()).isEqualTo(5);
      // Which engine ran which is up to the claims; each run names a node of the two.
      assertThat(runs.stream().map(r -> r.getString("node")).distinct().count()).isBetween(1L, 2L);
    }
  }

  /** The storage placeholders of this test's database (after {@link #storage()} made it). */
  private Map<String, String> storage0() {
    return Map.of("STORAGE", "postgres", "PG_URL", db.config().url());
  }
}
