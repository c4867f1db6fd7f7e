package dev.switchboard.it;

import static dev.switchboard.it.PrivacyScenario.E164;
import static dev.switchboard.it.PrivacyScenario.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.engine.store.memory.MemoryContactData;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the privacy ITs check on both storages. */
final class PrivacyChecks {
  private PrivacyChecks() {
  }

  /** A webhook from the erased number after the erase: a new conversation, with none of the old history. */
  static void theSameNumberStartsAfresh(PrivacyScenario s, TestEngine t) {
    String key = TestEngine.key("acme", "wa", E164);
    assertThat(s.call(HttpMethod.GET, "/admin/v1/conversations/" + key + "/messages", null).bodyAsJsonObject()
        .getJsonArray("items")).isEmpty();
    s.webhookAgain("oi de novo");
    assertThat(Await.until(() -> s.call(HttpMethod.GET, "/admin/v1/conversations/" + key + "/messages", null)
        .bodyAsJsonObject().getJsonArray("items").size() >= 2, 15_000)).as("the bot answered afresh").isTrue();
    var items = s.call(HttpMethod.GET, "/admin/v1/conversations/" + key + "/messages", null).bodyAsJsonObject()
        .getJsonArray("items");
    assertThat(items.getJsonObject(0).getString("text")).isEqualTo("oi de novo");
    assertThat(items.encode()).doesNotContain(PrivacyScenario.TEXT_WA).doesNotContain(PrivacyScenario.FOLLOW_UP);
    var conversations = s.call(HttpMethod.GET, "/admin/v1/conversations?tenant=acme", null).bodyAsJsonObject()
        .getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    assertThat(conversations).filteredOn(c -> E164.equals(c.getString("contact"))).hasSize(1);
    assertThat(conversations).filteredOn(c -> c.getString("contact").startsWith("erased-"))
        .as("the anonymised conversations stay for the counts, closed").isNotEmpty()
        .allMatch(c -> "CLOSED".equals(c.getString("state")));
    assertThat(Await.until(() -> t.engine.sandbox().list("acme", 1000).stream()
        .anyMatch(e -> e.recipient().equals(PHONE)), 15_000)).as("the fresh answer was sent").isTrue();
  }

  /** The web chat visitor comes back after the erase: no history frame, only the answer to what they say now. */
  static void theVisitorComesBackToAnEmptyChat(TestEngine t) {
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    var socket = Await.of(t.outside.createWebSocketClient().connect(new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(t.port).setURI("/webchat/chat?visitor=" + PrivacyScenario.VISITOR)));
    socket.textMessageHandler(frame -> frames.add(new JsonObject(frame)));
    socket.writeTextMessage(new JsonObject().put("text", "oi de novo").encode());
    assertThat(Await.until(() -> frames.stream().anyMatch(f -> "message".equals(f.getString("type"))), 15_000))
        .isTrue();
    assertThat(frames).noneMatch(f -> "history".equals(f.getString("type")));
    assertThat(frames.toString()).doesNotContain("dipirona");
    Await.of(socket.close());
  }

  /**
   * Every memory store (the integration records of e-mail intake too) and the sandbox log as JSON, private fields
   * included: a scan that needs no knowledge of what
   * each store keeps. Conversation keys are written in full (their {@code toString} hides the contact).
   */
  static List<String> memoryDump(TestEngine t, List<String> needles) {
    ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
        .addModule(new SimpleModule().addKeySerializer(ConversationKey.class, new JsonSerializer<>() {
          @Override
          public void serialize(ConversationKey k, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeFieldName(k.asString());
          }
        }))
        .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();
    Stores stores = t.engine.stores();
    List<Object> parts = List.of(stores.inbox(), stores.conversations(), stores.outbox(), stores.audit(),
        stores.schedules(), stores.tenantSchedules(), stores.reports(), stores.rateLimiter(), t.engine.sandbox(),
        ((MemoryContactData) stores.contacts()).integrations());
    List<String> hits = new ArrayList<>();
    for (Object part : parts) {
      String json;
      try {
        json = mapper.writeValueAsString(part).toLowerCase(Locale.ROOT);
      } catch (IOException e) {
        throw new AssertionError("cannot dump " + part.getClass().getSimpleName(), e);
      }
      needles.stream().filter(n -> json.contains(n.toLowerCase(Locale.ROOT)))
          .forEach(n -> hits.add(part.getClass().getSimpleName() + ": " + n));
    }
    return hits;
  }
}
