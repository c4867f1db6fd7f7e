package dev.switchboard.it;

import java.util.concurrent.CopyOnWriteArrayList;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketClient;
import static dev.switchboard.it.ScheduledReportsIT.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clinic tenant of the test configuration: open weekdays 08:00–12:00 and 13:00–18:00 and Saturday mornings in
 * São Paulo, and answering at most a burst of 3 messages per contact (then 2 a minute). At 03:00 on a Sunday the
 * customer is told once when the clinic opens, a request for a person is told when someone will answer, and on
 * Monday at 08:00 the bot answers normally; a contact writing six times in a row is answered three times, and all
 * six messages are in the conversation.
 */
class InboundPoliciesIT {
  private MutableClock clock;
  private TestEngine t;
  private int ids;

  @BeforeEach
  void start() {
    clock = new MutableClock(Instant.parse("2026-12-06T06:00:00Z"));   // Sunday 03:00 in São Paulo
    t = new TestEngine(Map.of(), clock);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private void say(String from, String text) {
    String key = TestEngine.key("clinic", "wa-clinic", "+" + from);
    int before = inbound(key);
    Await.of(t.postMeta("wa-clinic", WhatsAppPayloads.text(from, "wamid.clinic." + (++ids), text, clock.instant())));
    assertThat(Await.until(() -> inbound(key) > before, 10_000)).as("processed: %s", text).isTrue();
  }

  private int inbound(String key) {
    var res = call(t, HttpMethod.GET, "/admin/v1/conversations/" + key + "/messages", null);
    return res.statusCode() != 200 ? 0 : (int) res.bodyAsJsonObject().getJsonArray("items").stream()
        .filter(m -> "INBOUND".equals(((JsonObject) m).getString("direction"))).count();
  }

  private List<String> repliesTo(String contact) {
    List<String> texts = new ArrayList<>(t.engine.sandbox().list("clinic", 100).stream()
        .filter(e -> e.recipient().equals(contact)).map(e -> e.text()).toList());
    Collections.reverse(texts); // the sandbox log is newest first
    return texts;
  }

  @Test
  void outOfHoursTheCustomerIsToldOnceWhenTheClinicOpens() throws InterruptedException {
    say("5511977780001", "oi, bom dia");
    assertThat(Await.until(() -> repliesTo("5511977780001").size() == 1, 10_000)).isTrue();
    assertThat(repliesTo("5511977780001")).containsExactly("Estamos fechados agora. Voltamos segunda-feira, 07/12 "
        + "às 08:00.");
    say("5511977780001", "tem horário amanhã?");
    Thread.sleep(500); // the second message is processed (checked above); no second notice follows
    assertThat(repliesTo("5511977780001")).hasSize(1);

    say("5511977780002", "quero falar com um atendente");
    assertThat(Await.until(() -> repliesTo("5511977780002").size() == 1, 10_000)).isTrue();
    assertThat(repliesTo("5511977780002")).containsExactly("Um atendente vai continuar com você quando voltarmos, "
        + "segunda-feira, 07/12 às 08:00.");
    JsonObject waiting = call(t, HttpMethod.GET, "/admin/v1/conversations?tenant=clinic&state=HUMAN", null)
        .bodyAsJsonObject();
    assertThat(waiting.getJsonArray("items")).hasSize(1);

    // Monday 08:00: open.
    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-07T11:00:00Z")));
    say("5511977780001", "oi");
    assertThat(Await.until(() -> repliesTo("5511977780001").size() == 2, 10_000)).isTrue();
    assertThat(repliesTo("5511977780001").get(1)).isEqualTo("Olá! Aqui é a clínica.");
  }

  @Test
  void aFloodingContactIsAnsweredUpToTheBurstAndEveryMessageIsKept() {
    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-07T14:00:00Z")));  // Monday 11:00
    for (int i = 0; i < 6; i++) {
      say("5511977780003", "oi " + i);
    }
    assertThat(Await.until(() -> repliesTo("5511977780003").size() >= 3, 10_000)).isTrue();
    assertThat(repliesTo("5511977780003")).hasSize(3);
    assertThat(inbound(TestEngine.key("clinic", "wa-clinic", "+5511977780003"))).isEqualTo(6);
    double throttled = t.registry.find("sb_inbound_policy_total").tags("tenant", "clinic", "outcome", "throttled")
        .counter().count();
    assertThat(throttled).isEqualTo(3);
    // Another contact is not held back by the first one's flood.
    say("5511977780004", "oi");
    assertThat(Await.until(() -> repliesTo("5511977780004").size() == 1, 10_000)).isTrue();
  }

  @Test
  void aBlockedContactIsKeptButNotAnsweredUntilUnblocked() {
    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-07T14:00:00Z")));  // Monday 11:00
    String key = TestEngine.key("clinic", "wa-clinic", "+5511977780005");
    var blocked = call(t, HttpMethod.POST, "/admin/v1/conversations/" + key + "/block", new JsonObject());
    assertThat(blocked.statusCode()).as(blocked.bodyAsString()).isEqualTo(200);
    say("5511977780005", "oi");
    say("5511977780005", "quanto custa a consulta?");
    assertThat(inbound(key)).isEqualTo(2);
    assertThat(repliesTo("5511977780005")).isEmpty();
    assertThat(call(t, HttpMethod.GET, "/admin/v1/conversations/" + key + "/audit", null).bodyAsString())
        .contains("BLOCKED");
    assertThat(call(t, HttpMethod.POST, "/admin/v1/conversations/" + key + "/unblock", new JsonObject()).statusCode())
        .isEqualTo(200);
    say("5511977780005", "oi de novo");
    assertThat(Await.until(() -> repliesTo("5511977780005").size() == 1, 10_000)).isTrue();
  }

  /** Five web chat visitors from one address (this test's 127.0.0.1): the address's bucket of 4 answers four. */
  @Test
  void manyVisitorsFromOneAddressAreLimitedTogether() {
    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-07T14:00:00Z")));  // Monday 11:00
    WebSocketClient ws = t.outside.createWebSocketClient();
    for (int v = 1; v <= 5; v++) {
      String visitor = "visitor-flood-0" + v;
      List<JsonObject> frames = new CopyOnWriteArrayList<>();
      var socket = Await.of(ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(t.port)
          .setURI("/webchat/chat-clinic?visitor=" + visitor)));
      socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
      socket.writeTextMessage(new JsonObject().put("text", "oi").encode());
      String key = TestEngine.key("clinic", "chat-clinic", visitor);
      assertThat(Await.until(() -> inbound(key) == 1, 10_000)).as("visitor %d processed", v).isTrue();
      Await.of(socket.close());
    }
    long answered = 0;
    for (int v = 1; v <= 5; v++) {
      String key = TestEngine.key("clinic", "chat-clinic", "visitor-flood-0" + v);
      answered += call(t, HttpMethod.GET, "/admin/v1/conversations/" + key + "/messages", null).bodyAsJsonObject()
          .getJsonArray("items").stream().filter(m -> "OUTBOUND".equals(((JsonObject) m).getString("direction")))
          .count();
    }
    assertThat(answered).isEqualTo(4);
  }
}
