package dev.switchboard.it;

import static dev.switchboard.it.PrivacyScenario.E164;
import static dev.switchboard.it.PrivacyScenario.NAME;
import static dev.switchboard.it.PrivacyScenario.NEEDLES;
import static dev.switchboard.it.PrivacyScenario.PHONE;
import static dev.switchboard.it.PrivacyScenario.TEXT_WA;
import static dev.switchboard.it.PrivacyScenario.TEXT_WA2;
import static dev.switchboard.it.PrivacyScenario.VISITOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.store.PgTestDatabase;
import dev.switchboard.store.RedisTestSupport;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * LGPD on PostgreSQL and Redis: a person's data created through the real edges is exported, then erased, and a scan
 * of every table and every Redis key finds nothing of their number, name or words — while the daily metrics still
 * count their messages, another tenant's data about the same number stays until that tenant erases it, and the same
 * number writing again starts a conversation with no history.
 */
class ContactPrivacyIT {

  @Test
  void afterAnEraseNoTableAndNoRedisKeyHoldsTheContactAndTheMetricsStillCountThem() {
    Vertx vertx = Vertx.vertx();
    PgTestDatabase db = new PgTestDatabase(vertx);
    FakeProvider graph = PrivacyScenario.provider();
    MutableClock clock = new MutableClock(Instant.parse("2026-05-12T14:00:00Z"));
    String url = db.config().url();
    PersonalDataScan.redisForgetLeftovers(vertx, RedisTestSupport.URL, NEEDLES);
    try (TestEngine t = new TestEngine(Map.of("STORAGE", "postgres", "PG_URL", url, "REDIS_URL", RedisTestSupport.URL,
        "REDIS_PREFIX", "test:" + UUID.randomUUID() + ":", "PROVIDER_URL", graph.url(), "WEBHOOK_URL",
        graph.url() + "/hook", "MAX_ATTEMPTS", "1000", "IDLE_SECONDS", "86400"), clock)) {
      PrivacyScenario s = new PrivacyScenario(t, clock);
      s.createEverything();
      JsonArray metricsBefore = s.rolledUp();
      assertThat(metricsBefore).isNotEmpty();

      // The scans see the data before the erase (so their silence afterwards means something).
      assertThat(PersonalDataScan.postgres(vertx, url, db.schema(), NEEDLES))
          .anyMatch(h -> h.startsWith("conversations:")).anyMatch(h -> h.startsWith("messages:"))
          .anyMatch(h -> h.startsWith("inbox:")).anyMatch(h -> h.startsWith("outbox:"));
      assertThat(PersonalDataScan.redis(vertx, RedisTestSupport.URL, NEEDLES)).anyMatch(h -> h.contains(":ctx:acme:"))
          .anyMatch(h -> h.contains(":rate:in:clinic:"));

      JsonObject export = s.export("acme", E164).bodyAsJsonObject();
      assertExportHoldsEverything(export);
      assertThat(s.export("acme", PHONE).bodyAsJsonObject().getJsonArray("conversations"))
          .as("the number written without '+' is the same contact").hasSize(2);

      assertThat(s.call(HttpMethod.POST, "/admin/v1/contacts/" + PrivacyScenario.encode(E164) + "/erase?tenant=acme",
          new JsonObject()).statusCode()).as("an erase must be confirmed").isEqualTo(400);
      JsonObject erased = s.erase("acme", E164).bodyAsJsonObject();
      assertThat(erased.getString("status")).isEqualTo("erased");
      JsonObject counts = erased.getJsonObject("erased");
      assertThat(counts.getInteger("conversations")).isEqualTo(2);
      assertThat(counts.getInteger("outbox")).isGreaterThanOrEqualTo(4);
      assertThat(counts.getInteger("inbox")).isGreaterThanOrEqualTo(2);
      assertThat(counts.getInteger("redisKeys")).isGreaterThanOrEqualTo(1);
      assertThat(s.erase("acme", VISITOR).bodyAsJsonObject().getString("status")).isEqualTo("erased");

      // The same number in another tenant is that tenant's data: untouched until it erases it too.
      List<String> left = PersonalDataScan.postgres(vertx, url, db.schema(), NEEDLES);
      left.addAll(PersonalDataScan.redis(vertx, RedisTestSupport.URL, NEEDLES));
      assertThat(left).isNotEmpty().allMatch(h -> h.contains("clinic"), "only the clinic's rows and keys");
      assertThat(s.erase("clinic", E164).bodyAsJsonObject().getString("status")).isEqualTo("erased");

      assertThat(PersonalDataScan.postgres(vertx, url, db.schema(), NEEDLES)).isEmpty();
      assertThat(PersonalDataScan.redis(vertx, RedisTestSupport.URL, NEEDLES)).isEmpty();

      JsonObject again = s.erase("acme", E164).bodyAsJsonObject();
      assertThat(again.getString("status")).isEqualTo("nothing-held");
      assertThat(again.getJsonObject("erased").getMap().values()).allMatch(n -> ((Number) n).intValue() == 0);
      assertThat(s.export("acme", E164).statusCode()).isEqualTo(404);

      assertThat(s.call(HttpMethod.GET, "/admin/v1/metrics/daily?tenant=acme", null).bodyAsJsonObject()
          .getJsonArray("items")).as("the stored roll-up is kept").isEqualTo(metricsBefore);
      assertThat(countsOnly(s.rolledUp())).as("and a new roll-up still counts the erased messages")
          .isEqualTo(countsOnly(metricsBefore));

      String audit = s.call(HttpMethod.GET, "/admin/v1/audit/actions?tenant=acme", null).bodyAsString();
      assertThat(audit).contains("contact.erase").contains("contact.export").contains(erased.getString("erasure"));
      assertThat(NEEDLES).noneMatch(audit::contains);

      PrivacyChecks.theSameNumberStartsAfresh(s, t);
      PrivacyChecks.theVisitorComesBackToAnEmptyChat(t);
    } finally {
      graph.close();
      db.close();
      Await.of(vertx.close());
    }
  }

  static void assertExportHoldsEverything(JsonObject export) {
    String text = export.encode();
    assertThat(text).contains(TEXT_WA).contains(TEXT_WA2).contains(NAME).contains(PrivacyScenario.FOLLOW_UP);
    assertThat(export.getJsonArray("conversations")).hasSize(2);
    assertThat(export.getJsonArray("messages").size()).isGreaterThanOrEqualTo(5);
    assertThat(export.getJsonArray("inbox").size()).isGreaterThanOrEqualTo(2);
    assertThat(export.getJsonArray("outbox").stream().map(c -> ((JsonObject) c).getString("status")))
        .contains("SENT", "DEAD", "RETRY");
    assertThat(export.getJsonArray("actions").encode()).contains("enqueue");
    assertThat(export.getJsonArray("sandbox").encode()).contains(PHONE);
    assertThat(export.getJsonArray("audit")).isNotNull();
  }

  /** A roll-up row without what may differ between two runs. */
  static List<String> countsOnly(JsonArray rows) {
    return rows.stream().map(r -> {
      JsonObject row = ((JsonObject) r).copy();
      return row.getString("day") + "/" + row.getString("channel") + "/" + row.getValue("messagesIn") + "/"
          + row.getValue("messagesOut") + "/" + row.getValue("conversations");
    }).toList();
  }
}
