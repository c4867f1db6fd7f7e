package dev.switchboard.it;

import static dev.switchboard.it.ScheduledReportsIT.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Follow-ups to customers who went quiet, on the shipped engine's sandbox: sent once per quiet period and number,
 * at most {@code maxFollowUps}, never to an opted-out customer or one a person took over, not while the customer
 * is still within the quiet time, again after the customer writes, and outside WhatsApp's 24-hour window only as
 * an approved template (or skipped and counted).
 */
class FollowUpsIT {
  private static final String SCHEDULES = "/admin/v1/tenants/acme/schedules";
  private static final String TEXT = "Ainda posso ajudar? É só responder.";
  private static final String QUIET = "5511933330001";
  private static final String TAKEN = "5511933330002";
  private static final String STOPPED = "5511933330003";
  private static final String LATE = "5511933330004";
  private MutableClock clock;
  private TestEngine t;
  private int ids;

  @BeforeEach
  void start() {
    clock = new MutableClock(Instant.parse("2026-05-10T15:00:00Z"));
    t = new TestEngine(Map.of(), clock);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private void say(String from, String text) {
    int before = t.engine.sandbox().list("acme", 1000).size();
    Await.of(t.postMeta("wa", WhatsAppPayloads.text(from, "wamid.fu." + (++ids), text, clock.instant())));
    assertThat(Await.until(() -> t.engine.sandbox().list("acme", 1000).size() > before, 10_000))
        .as("the bot answered %s", text).isTrue();
  }

  private long followUps(String to) {
    return t.engine.sandbox().list("acme", 1000).stream()
        .filter(e -> e.recipient().equals(to) && e.text().equals(TEXT)).count();
  }

  /**
   * The follow-ups sent to {@code to} once {@code expected} of them have gone out (or 5 s passed): a run succeeds when
   * its follow-ups are in the outbox, and the sandbox logs them when the outbox sends, a moment later.
   */
  private long followUpsSent(String to, long expected) {
    Await.until(() -> followUps(to) >= expected, 5_000);
    return followUps(to);
  }

  private long templatesSent(String to, long expected) {
    Await.until(() -> templates(to) >= expected, 5_000);
    return templates(to);
  }

  private long templates(String to) {
    return t.engine.sandbox().list("acme", 1000).stream()
        .filter(e -> e.recipient().equals(to) && e.text().equals("template")).count();
  }

  /** Runs the schedule now and returns the finished run's summary. */
  private JsonObject runNow() {
    var started = call(t, HttpMethod.POST, SCHEDULES + "/nudge/run", null);
    assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(202);
    String runId = started.bodyAsJsonObject().getString("runId");
    assertThat(Await.until(() -> run(runId) != null && "SUCCEEDED".equals(run(runId).getString("status")), 10_000))
        .as("run %s succeeded: %s", runId, run(runId)).isTrue();
    return run(runId).getJsonObject("summary");
  }

  private JsonObject run(String id) {
    return call(t, HttpMethod.GET, SCHEDULES + "/nudge/runs", null).bodyAsJsonObject().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(r -> id.equals(r.getString("id"))).findFirst().orElse(null);
  }

  @Test
  void quietCustomersGetAtMostTwoFollowUpsAndOnlyWhenTheyShould() {
    var created = call(t, HttpMethod.POST, SCHEDULES, new JsonObject().put("id", "nudge").put("cron", "0 9 * * *")
        .put("job", "follow-up").put("params", new JsonObject().put("quietMinutes", 30).put("maxFollowUps", 2)
            .put("text", TEXT)));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    say(QUIET, "quanto custa a limpeza?");
    say(TAKEN, "quanto custa a instalação?");
    say(STOPPED, "oi");
    say(STOPPED, "parar");
    say(LATE, "oi");
    assertThat(call(t, HttpMethod.POST, "/admin/v1/conversations/" + TestEngine.key("acme", "wa", "+" + TAKEN)
        + "/handoff", new JsonObject().put("agent", "ana")).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(25));
    say(LATE, "deixa eu ver com minha esposa");

    // 31 minutes after the first messages: only the quiet customer is due.
    clock.advance(Duration.ofMinutes(6));
    JsonObject first = runNow();
    assertThat(first.getInteger("sent")).isEqualTo(1);
    assertThat(followUpsSent(QUIET, 1)).isEqualTo(1);
    assertThat(followUps(TAKEN) + followUps(STOPPED) + followUps(LATE)).isZero();
    // Run again at once: the next follow-up waits as long after the first as the first waited.
    assertThat(runNow().getInteger("sent")).isNull();
    assertThat(followUpsSent(QUIET, 1)).isEqualTo(1);

    clock.advance(Duration.ofMinutes(31));
    runNow();
    assertThat(followUpsSent(QUIET, 2)).isEqualTo(2);
    assertThat(followUpsSent(LATE, 1)).isEqualTo(1);
    clock.advance(Duration.ofMinutes(31));
    JsonObject limited = runNow();
    assertThat(limited.getInteger("limit")).isEqualTo(1);
    assertThat(followUpsSent(QUIET, 2)).isEqualTo(2);
    assertThat(followUpsSent(LATE, 2)).isEqualTo(2);
    assertThat(followUps(TAKEN) + followUps(STOPPED)).isZero();

    // The customer writes: a new quiet period, and follow-ups may start again after it.
    say(QUIET, "ainda estou decidindo");
    clock.advance(Duration.ofMinutes(10));
    runNow();
    assertThat(followUpsSent(QUIET, 2)).isEqualTo(2);
    clock.advance(Duration.ofMinutes(21));
    runNow();
    assertThat(followUpsSent(QUIET, 3)).isEqualTo(3);

    // A day later WhatsApp's window is closed: skipped without an approved template, a template with one.
    clock.advance(Duration.ofHours(25));
    JsonObject closed = runNow();
    assertThat(closed.getInteger("window-closed")).isEqualTo(1);
    assertThat(templates(QUIET)).isZero();
    var withTemplate = call(t, HttpMethod.PUT, SCHEDULES + "/nudge", new JsonObject().put("cron", "0 9 * * *")
        .put("job", "follow-up").put("params", new JsonObject().put("quietMinutes", 30).put("maxFollowUps", 2)
            .put("text", TEXT).put("whatsappTemplate", "retomar_conversa")));
    assertThat(withTemplate.statusCode()).as(withTemplate.bodyAsString()).isEqualTo(200);
    assertThat(runNow().getInteger("sent")).isEqualTo(1);
    assertThat(templatesSent(QUIET, 1)).isEqualTo(1);
    assertThat(templates(TAKEN) + templates(STOPPED) + templates(LATE)).isZero();
  }
}
