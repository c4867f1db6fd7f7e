package dev.switchboard.it;

import static dev.switchboard.it.ScheduledReportsIT.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.store.ApiToken;
import dev.switchboard.store.PgTestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API tokens scoped to one tenant, on PostgreSQL: created by the operator and shown once, they open their tenant's
 * data and nothing else, cannot make more tokens, are stored as a hash only, and stop working when revoked.
 */
class TenantTokensIT {

  private static HttpResponse<Buffer> as(TestEngine t, String token, HttpMethod method, String path, JsonObject body) {
    var request = t.client.request(method, path).putHeader("Authorization", "Bearer " + token);
    return Await.of(body == null ? request.send() : request.sendJsonObject(body));
  }

  @Test
  void aTenantTokenSeesItsTenantOnlyUntilRevoked() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (PgTestDatabase db = new PgTestDatabase(vertx);
         TestEngine t = new TestEngine(Map.of("STORAGE", "postgres", "PG_URL", db.config().url()))) {
      Await.of(t.whatsappText("5511966660001", "wamid.token.1", "oi"));
      assertThat(Await.until(() -> !t.engine.sandbox().list("acme", 10).isEmpty(), 10_000)).isTrue();

      var created = call(t, HttpMethod.POST, "/admin/v1/tenants/acme/tokens", new JsonObject().put("name", "erp"));
      assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
      String token = created.bodyAsJsonObject().getString("token");
      String id = created.bodyAsJsonObject().getString("id");
      assertThat(token).startsWith("sbt_" + id + "_");

      var own = as(t, token, HttpMethod.GET, "/admin/v1/conversations", null);
      assertThat(own.statusCode()).isEqualTo(200);
      assertThat(own.bodyAsString()).contains("5511966660001");
      assertThat(as(t, token, HttpMethod.GET, "/admin/v1/conversations?tenant=bot2", null).statusCode()).isEqualTo(403);
      assertThat(as(t, token, HttpMethod.GET, "/admin/v1/tenants/bot2/schedules", null).statusCode()).isEqualTo(403);
      assertThat(as(t, token, HttpMethod.POST, "/admin/v1/tenants/acme/tokens", new JsonObject().put("name", "more"))
          .statusCode()).as("a tenant token cannot mint tokens").isEqualTo(403);
      assertThat(as(t, token, HttpMethod.POST, "/admin/v1/config/reload", null).statusCode()).isEqualTo(403);

      // Listed without the secret; stored as its SHA-256 only.
      var listed = call(t, HttpMethod.GET, "/admin/v1/tenants/acme/tokens", null).bodyAsJsonObject();
      assertThat(listed.getJsonArray("items")).hasSize(1);
      // The secret is base64url, which has '_' of its own: it is everything after the fixed-length id.
      String secret = token.substring(("sbt_" + id + "_").length());
      assertThat(listed.encode()).doesNotContain(secret);
      ApiToken stored = Await.of(t.engine.stores().apiTokens().find(id));
      assertThat(stored.secretHash()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)))).doesNotContain(secret);

      String wrongSecret = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
      assertThat(as(t, wrongSecret, HttpMethod.GET, "/admin/v1/conversations", null).statusCode()).isEqualTo(401);
      assertThat(as(t, "sbt_nope", HttpMethod.GET, "/admin/v1/conversations", null).statusCode()).isEqualTo(401);

      var revoked = call(t, HttpMethod.DELETE, "/admin/v1/tenants/acme/tokens/" + id, null);
      assertThat(revoked.statusCode()).isEqualTo(200);
      assertThat(as(t, token, HttpMethod.GET, "/admin/v1/conversations", null).statusCode()).isEqualTo(401);
      assertThat(call(t, HttpMethod.DELETE, "/admin/v1/tenants/acme/tokens/" + id, null).statusCode()).isEqualTo(404);
      assertThat(call(t, HttpMethod.GET, "/admin/v1/tenants/acme/tokens", null).bodyAsJsonObject()
          .getJsonArray("items").getJsonObject(0).getString("revokedAt")).isNotNull();
      assertThat(call(t, HttpMethod.POST, "/admin/v1/tenants/acme/tokens", new JsonObject()).statusCode())
          .isEqualTo(400);
    } finally {
      Await.of(vertx.close());
    }
  }
}
