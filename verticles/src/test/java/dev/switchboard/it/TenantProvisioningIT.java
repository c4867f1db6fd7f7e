package dev.switchboard.it;

import static dev.switchboard.it.ScheduledReportsIT.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.channel.MetaSignature;
import dev.switchboard.store.PgTestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tenant provisioned through the admin API on PostgreSQL: its WhatsApp channel answers signed webhooks at once,
 * its secrets are sealed in the database and never answered, it is checked like the file, it can be changed,
 * disabled and deleted, and it survives a restart.
 */
class TenantProvisioningIT {
  private static final String SECRET = "padaria_app_secret_2026";
  private static final String TENANTS = "/admin/v1/tenants";

  private static JsonObject padaria(String greeting) {
    return new JsonObject().put("id", "padaria").put("aiProvider", "rules")
        .put("templates", new JsonObject().put("greeting", greeting).put("other", "Não entendi."))
        .put("channels", new JsonArray().add(new JsonObject().put("id", "wa-padaria").put("type", "whatsapp")
            .put("sender", "sandbox").put("appSecret", SECRET).put("verifyToken", "verifica-padaria")
            .put("accessToken", "token-da-padaria").put("phoneNumberId", "209715200012121")));
  }

  private static HttpResponse<Buffer> webhook(TestEngine t, String from, String id, String text) {
    byte[] body = WhatsAppPayloads.text(from, id, text);
    return Await.of(t.client.post("/webhooks/wa-padaria").putHeader("Content-Type", "application/json")
        .putHeader("X-Hub-Signature-256", MetaSignature.sign(SECRET, body)).sendBuffer(Buffer.buffer(body)));
  }

  private static boolean answered(TestEngine t, String contact, String text) {
    return t.engine.sandbox().list("padaria", 100).stream()
        .anyMatch(e -> e.recipient().equals(contact) && e.text().equals(text));
  }

  @Test
  void aProvisionedTenantIsServedAtOnceWithItsSecretsSealed() {
    Vertx vertx = Vertx.vertx();
    try (PgTestDatabase db = new PgTestDatabase(vertx)) {
      Map<String, String> env = Map.of("STORAGE", "postgres", "PG_URL", db.config().url());
      try (TestEngine t = new TestEngine(env)) {
        assertThat(webhook(t, "5511922220001", "wamid.pad.0", "oi").statusCode()).isEqualTo(404);

        var created = call(t, HttpMethod.POST, TENANTS, padaria("Olá! Padaria Pão Quente."));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.bodyAsJsonObject().getJsonObject("config").getJsonArray("channels").getJsonObject(0)
            .getString("appSecret")).isEqualTo("***");
        assertThat(created.bodyAsString()).doesNotContain(SECRET).doesNotContain("token-da-padaria");

        assertThat(webhook(t, "5511922220001", "wamid.pad.1", "oi").statusCode()).isEqualTo(200);
        assertThat(Await.until(() -> answered(t, "5511922220001", "Olá! Padaria Pão Quente."), 10_000)).isTrue();
        assertThat(call(t, HttpMethod.GET, TENANTS, null).bodyAsString()).contains("padaria", "wa-padaria");

        // Sealed at rest: the database holds no secret in clear.
        String stored = storedConfig(vertx, db);
        assertThat(stored).doesNotContain(SECRET).doesNotContain("token-da-padaria").contains("enc:v1:");

        // Checked like the file.
        var twice = call(t, HttpMethod.POST, TENANTS, padaria("x"));
        assertThat(twice.statusCode()).as(twice.bodyAsString()).isEqualTo(409);
        var unknownKey = call(t, HttpMethod.POST, TENANTS, padaria("x").put("id", "outra").put("horario", "8h"));
        assertThat(unknownKey.statusCode()).isEqualTo(400);
        assertThat(unknownKey.bodyAsJsonObject().getString("detail")).contains("horario");
        JsonObject clash = padaria("x").put("id", "outra");
        clash.getJsonArray("channels").getJsonObject(0).put("id", "wa");
        var clashed = call(t, HttpMethod.POST, TENANTS, clash);
        assertThat(clashed.statusCode()).isEqualTo(400);
        assertThat(clashed.bodyAsJsonObject().getString("detail")).contains("used twice");
        assertThat(call(t, HttpMethod.PUT, TENANTS + "/acme", padaria("x").put("id", "acme")).statusCode())
            .as("a tenant of the file changes in the file").isEqualTo(409);

        // Changed, disabled, enabled.
        var changed = call(t, HttpMethod.PUT, TENANTS + "/padaria", padaria("Bom dia! Padaria Pão Quente."));
        assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(200);
        webhook(t, "5511922220002", "wamid.pad.2", "oi");
        assertThat(Await.until(() -> answered(t, "5511922220002", "Bom dia! Padaria Pão Quente."), 10_000)).isTrue();
        assertThat(call(t, HttpMethod.POST, TENANTS + "/padaria/disable", null).bodyAsJsonObject()
            .getBoolean("disabled")).isTrue();
        assertThat(webhook(t, "5511922220003", "wamid.pad.3", "oi").statusCode()).isEqualTo(404);
        assertThat(call(t, HttpMethod.POST, TENANTS + "/padaria/enable", null).statusCode()).isEqualTo(200);
        assertThat(webhook(t, "5511922220003", "wamid.pad.4", "oi").statusCode()).isEqualTo(200);
      }
      // A restart on the same database serves it again: the secrets open with the same key.
      try (TestEngine t = new TestEngine(env)) {
        assertThat(webhook(t, "5511922220004", "wamid.pad.5", "oi").statusCode()).isEqualTo(200);
        assertThat(Await.until(() -> answered(t, "5511922220004", "Bom dia! Padaria Pão Quente."), 10_000)).isTrue();
        assertThat(call(t, HttpMethod.DELETE, TENANTS + "/padaria", null).bodyAsJsonObject().getBoolean("deleted"))
            .isTrue();
        assertThat(webhook(t, "5511922220005", "wamid.pad.6", "oi").statusCode()).isEqualTo(404);
        assertThat(call(t, HttpMethod.GET, TENANTS, null).bodyAsString()).doesNotContain("wa-padaria");
      }
    } finally {
      Await.of(vertx.close());
    }
  }

  private static String storedConfig(Vertx vertx, PgTestDatabase db) {
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(db.config().url())).using(vertx).build();
    try {
      return Await.of(pool.query("SELECT config FROM tenant_configs WHERE id = 'padaria'").execute()
          .map(rows -> rows.iterator().next().getString(0)));
    } finally {
      Await.of(pool.close());
    }
  }
}
