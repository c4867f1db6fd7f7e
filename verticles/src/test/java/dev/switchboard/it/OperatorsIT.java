package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.store.PgTestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Console operators through the admin API on PostgreSQL: sign-in (token and cookie), wrong and unknown credentials,
 * the attempt limit, roles (an agent reads and acts on conversations only), tenant scoping, operators managed by an
 * admin within their tenants, sign-out, the live feed per tenant, and sessions that outlive a restart.
 */
class OperatorsIT {

  private static HttpResponse<Buffer> login(TestEngine t, String username, String password) {
    return Await.of(t.client.post("/admin/v1/auth/login").sendJsonObject(new JsonObject().put("username", username)
        .put("password", password)));
  }

  private static String token(TestEngine t, String username, String password) {
    HttpResponse<Buffer> res = login(t, username, password);
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
    return res.bodyAsJsonObject().getString("token");
  }

  private static HttpResponse<Buffer> as(TestEngine t, String token, HttpMethod method, String path, JsonObject body) {
    var request = t.client.request(method, path).putHeader("Authorization", "Bearer " + token);
    return Await.of(body == null ? request.send() : request.sendJsonObject(body));
  }

  @Test
  void operatorsSignInWithTheirRoleAndTenantsOnly() {
    Vertx vertx = Vertx.vertx();
    try (PgTestDatabase db = new PgTestDatabase(vertx)) {
      Map<String, String> env = Map.of("STORAGE", "postgres", "PG_URL", db.config().url());
      String ana;
      String carla;
      try (TestEngine t = new TestEngine(env)) {
        HttpResponse<Buffer> ok = login(t, "ana", "ana-senha-123");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.getHeader("set-cookie")).contains("sb_session=sbs_").contains("HTTPOnly")
            .contains("SameSite=Strict").contains("Path=/admin/v1");
        ana = ok.bodyAsJsonObject().getString("token");
        JsonObject me = as(t, ana, HttpMethod.GET, "/admin/v1/me", null).bodyAsJsonObject();
        assertThat(me.getString("role")).isEqualTo("agent");
        assertThat(me.getJsonArray("tenants")).containsExactly("acme");

        HttpResponse<Buffer> wrong = login(t, "ana", "senha-errada-1");
        HttpResponse<Buffer> unknown = login(t, "ninguem", "senha-errada-1");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.bodyAsString()).isEqualTo(wrong.bodyAsString());
        assertThat(Await.of(t.client.post("/admin/v1/auth/login").sendJsonObject(new JsonObject())).statusCode())
            .isEqualTo(400);

        // Agent: own tenant's conversations, not another's, and no administration.
        Await.of(t.whatsappText("5511955550001", "wamid.op.1", "oi"));
        assertThat(Await.until(() -> !t.engine.sandbox().list("acme", 10).isEmpty(), 10_000)).isTrue();
        String key = TestEngine.key("acme", "wa", "+5511955550001");
        assertThat(as(t, ana, HttpMethod.GET, "/admin/v1/conversations?tenant=acme", null).bodyAsString())
            .contains("5511955550001");
        assertThat(as(t, ana, HttpMethod.GET, "/admin/v1/conversations?tenant=clinic", null).statusCode())
            .isEqualTo(403);
        assertThat(as(t, ana, HttpMethod.POST, "/admin/v1/conversations/" + key + "/handoff", new JsonObject())
            .bodyAsJsonObject().getString("state")).isEqualTo("HUMAN");
        assertThat(Await.of(t.adminGet("/admin/v1/conversations/" + key + "/audit")).bodyAsString())
            .contains("agent:ana");
        assertThat(as(t, ana, HttpMethod.POST, "/admin/v1/conversations/" + key + "/close", new JsonObject())
            .bodyAsJsonObject().getString("state")).isEqualTo("CLOSED");
        assertThat(as(t, ana, HttpMethod.POST, "/admin/v1/tenants/acme/tokens", new JsonObject().put("name", "x"))
            .statusCode()).isEqualTo(403);
        assertThat(as(t, ana, HttpMethod.GET, "/admin/v1/operators", null).statusCode()).isEqualTo(403);
        assertThat(as(t, ana, HttpMethod.POST, "/admin/v1/dead-letters/replay", new JsonObject()
            .put("ids", new JsonArray().add("x"))).statusCode()).isEqualTo(403);
        assertThat(as(t, ana, HttpMethod.POST, "/admin/v1/config/reload", null).statusCode()).isEqualTo(403);

        // Admin of acme and clinic: manages operators of those tenants only.
        String root = token(t, "root", "root-senha-123");
        HttpResponse<Buffer> created = as(t, root, HttpMethod.POST, "/admin/v1/operators", new JsonObject()
            .put("username", "carla").put("password", "carla-senha-123").put("role", "agent")
            .put("tenants", new JsonArray().add("clinic")));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.bodyAsString()).doesNotContain("carla-senha-123").doesNotContain("pbkdf2");
        assertThat(as(t, root, HttpMethod.POST, "/admin/v1/operators", new JsonObject().put("username", "dora")
            .put("password", "dora-senha-123").put("role", "admin").put("tenants",
                new JsonArray().add("bot2"))).statusCode()).isEqualTo(403);
        assertThat(as(t, root, HttpMethod.POST, "/admin/v1/operators", new JsonObject().put("username", "eva")
            .put("password", "curta").put("role", "agent").put("tenants",
                new JsonArray().add("acme"))).statusCode()).isEqualTo(400);
        assertThat(as(t, root, HttpMethod.POST, "/admin/v1/operators", new JsonObject().put("username", "carla")
            .put("password", "carla-senha-456").put("role", "agent").put("tenants",
                new JsonArray().add("clinic"))).statusCode()).isEqualTo(409);
        // The admin takes over what ana has: audited as a claim, in PostgreSQL like any audit entry.
        Await.of(t.whatsappText("5511955550009", "wamid.op.9", "oi"));
        String claimed = TestEngine.key("acme", "wa", "+5511955550009");
        assertThat(Await.until(() -> t.engine.sandbox().list("acme", 100).stream()
            .anyMatch(e -> e.recipient().equals("5511955550009")), 10_000)).isTrue();
        assertThat(as(t, ana, HttpMethod.POST, "/admin/v1/conversations/" + claimed + "/handoff", new JsonObject())
            .bodyAsJsonObject().getString("state")).isEqualTo("HUMAN");
        assertThat(as(t, root, HttpMethod.POST, "/admin/v1/conversations/" + claimed + "/handoff", new JsonObject())
            .bodyAsJsonObject().getString("state")).isEqualTo("HUMAN");
        assertThat(Await.of(t.adminGet("/admin/v1/conversations/" + claimed + "/audit")).bodyAsJsonObject()
            .getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("trigger") + " "
                + ((JsonObject) o).getString("actor")).toList())
            .containsExactly("AGENT_TAKEOVER agent:ana", "AGENT_CLAIM agent:root");
        carla = token(t, "carla", "carla-senha-123");
        assertThat(as(t, carla, HttpMethod.GET, "/admin/v1/conversations?tenant=clinic", null).statusCode())
            .isEqualTo(200);

        // Signing out ends that session only.
        String second = token(t, "ana", "ana-senha-123");
        assertThat(as(t, second, HttpMethod.POST, "/admin/v1/auth/logout", null).statusCode()).isEqualTo(204);
        assertThat(as(t, second, HttpMethod.GET, "/admin/v1/me", null).statusCode()).isEqualTo(401);
        assertThat(as(t, ana, HttpMethod.GET, "/admin/v1/me", null).statusCode()).isEqualTo(200);
      }
      // Another engine on the same database (a restart, or another node): the same sessions and operators.
      try (TestEngine t = new TestEngine(env)) {
        assertThat(as(t, ana, HttpMethod.GET, "/admin/v1/me", null).statusCode()).isEqualTo(200);
        assertThat(as(t, carla, HttpMethod.GET, "/admin/v1/me", null).bodyAsJsonObject().getJsonArray("tenants"))
            .containsExactly("clinic");
        String root = token(t, "root", "root-senha-123");
        assertThat(as(t, root, HttpMethod.DELETE, "/admin/v1/operators/carla", null).statusCode()).isEqualTo(204);
        assertThat(as(t, carla, HttpMethod.GET, "/admin/v1/me", null).statusCode()).isEqualTo(401);
        assertThat(login(t, "carla", "carla-senha-123").statusCode()).isEqualTo(401);
      }
    } finally {
      Await.of(vertx.close());
    }
  }

  @Test
  void signInAttemptsAreLimitedPerUsername() {
    try (TestEngine t = new TestEngine(Map.of())) {
      int refused = 0;
      HttpResponse<Buffer> last = null;
      for (int i = 0; i < 12 && refused == 0; i++) {
        last = login(t, "bia", "tentativa-" + i);
        refused = last.statusCode() == 429 ? i : 0;
      }
      assertThat(refused).as("the eleventh attempt is refused").isEqualTo(10);
      assertThat(Integer.parseInt(last.getHeader("Retry-After"))).isPositive();
      assertThat(login(t, "bia", "bia-senha-123").statusCode()).as("even with the right password").isEqualTo(429);
      assertThat(login(t, "ana", "ana-senha-123").statusCode()).as("other usernames are unaffected").isEqualTo(200);
    }
  }

  @Test
  void aCookieSessionNeedsTheConsoleHeaderToChangeAnything() {
    try (TestEngine t = new TestEngine(Map.of())) {
      String cookie = login(t, "ana", "ana-senha-123").getHeader("set-cookie").split(";")[0];
      Await.of(t.whatsappText("5511955550002", "wamid.op.2", "oi"));
      assertThat(Await.until(() -> !t.engine.sandbox().list("acme", 10).isEmpty(), 10_000)).isTrue();
      String key = TestEngine.key("acme", "wa", "+5511955550002");
      assertThat(Await.of(t.client.get("/admin/v1/me").putHeader("Cookie", cookie).send()).statusCode())
          .isEqualTo(200);
      HttpResponse<Buffer> forged = Await.of(t.client.post("/admin/v1/conversations/" + key + "/handoff")
          .putHeader("Cookie", cookie).send());
      assertThat(forged.statusCode()).isEqualTo(401);
      assertThat(forged.bodyAsJsonObject().getString("detail")).contains("X-Requested-With");
      assertThat(Await.of(t.client.post("/admin/v1/conversations/" + key + "/handoff").putHeader("Cookie", cookie)
          .putHeader("X-Requested-With", "switchboard-console").send()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theLiveFeedCarriesEachTenantsConversationsToItsOwnOperators() {
    try (TestEngine t = new TestEngine(Map.of())) {
      String ana = token(t, "ana", "ana-senha-123");
      String bia = token(t, "bia", "bia-senha-123");
      HttpClient http = t.outside.createHttpClient();
      StringBuffer anaFeed = new StringBuffer();
      StringBuffer biaFeed = new StringBuffer();
      open(http, t.port, ana, anaFeed);
      open(http, t.port, bia, biaFeed);
      assertThat(Await.until(() -> anaFeed.toString().contains(": connected")
          && biaFeed.toString().contains(": connected"), 10_000)).isTrue();

      Await.of(t.whatsappText("5511955550003", "wamid.op.3", "oi"));
      Await.of(t.postMeta("wa-clinic", WhatsAppPayloads.text("5511955550004", "wamid.op.4", "oi")));
      assertThat(Await.until(() -> anaFeed.toString().contains("acme:wa:+5511955550003")
          && biaFeed.toString().contains("clinic:wa-clinic:+5511955550004"), 10_000)).isTrue();
      assertThat(anaFeed.toString()).contains("event: conversation").doesNotContain("clinic:");
      assertThat(biaFeed.toString()).doesNotContain("acme:");
      assertThat(anaFeed.toString()).as("no message text on the feed").doesNotContain("\"oi\"");
      assertThat(Await.of(http.request(new RequestOptions().setMethod(HttpMethod.GET).setPort(t.port)
          .setHost("127.0.0.1").setURI("/admin/v1/events?tenant=clinic").putHeader("Authorization", "Bearer " + ana))
          .compose(r -> r.send()).map(HttpClientResponse::statusCode))).isEqualTo(403);
      Await.of(http.close());
    }
  }

  private static void open(HttpClient http, int port, String token, StringBuffer into) {
    Await.of(http.request(new RequestOptions().setMethod(HttpMethod.GET).setPort(port).setHost("127.0.0.1")
        .setURI("/admin/v1/events").putHeader("Authorization", "Bearer " + token))
        .compose(r -> r.send()).map(response -> {
          assertThat(response.getHeader("content-type")).startsWith("text/event-stream");
          response.handler(chunk -> into.append(chunk.toString()));
          return response;
        }));
  }
}
