package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.switchboard.engine.automation.MailSource;
import dev.switchboard.store.PgTestDatabase;
import dev.switchboard.store.RedisTestSupport;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * LGPD for e-mail intake, end to end on real servers: a customer's mails are read from GreenMail over IMAP, become
 * integration records, a Trello card and a Telegram alert on the service desk simulator, a reply over SMTP and a
 * signed webhook; an export by the sender's address (in any case) holds the records and those commands; after the
 * erase, a scan of every table and Redis key (or every memory store) finds nothing of the sender's address, name,
 * phone or words, while the records stay with their status and their log's Trello card id.
 */
class MailPrivacyIT {
  private static final String SENDER = "Genoveva.Brandao@Gmail.com";
  /** JavaMail writes the sender's address into the Message-ID: it must go too. */
  private static final String REPAIR_ID = "<1733470000.42.JavaMail." + SENDER + ">";
  private static final List<String> NEEDLES = List.of("genoveva", "brandão", "brandao", "pitangueiras", "98888",
      "geladeira consul", "splits na varanda");

  @Test
  void onPostgresAndRedisNoTableOrKeyKeepsTheSenderAfterTheErase() {
    Vertx vertx = Vertx.vertx();
    PgTestDatabase db = new PgTestDatabase(vertx);
    String url = db.config().url();
    PersonalDataScan.redisForgetLeftovers(vertx, RedisTestSupport.URL, NEEDLES);
    try {
      run(Map.of("STORAGE", "postgres", "PG_URL", url, "REDIS_URL", RedisTestSupport.URL, "REDIS_PREFIX",
          "test:" + UUID.randomUUID() + ":"), t -> () -> {
            List<String> hits = PersonalDataScan.postgres(vertx, url, db.schema(), NEEDLES);
            hits.addAll(PersonalDataScan.redis(vertx, RedisTestSupport.URL, NEEDLES));
            return hits;
          });
    } finally {
      db.close();
      Await.of(vertx.close());
    }
  }

  @Test
  void inMemoryNoStoreKeepsTheSenderAfterTheErase() {
    run(Map.of(), t -> () -> PrivacyChecks.memoryDump(t, NEEDLES));
  }

  /** The scenario on one storage; {@code scan} finds the needles wherever that storage keeps data. */
  private static void run(Map<String, String> storage, Function<TestEngine, Supplier<List<String>>> scan) {
    int imap = TestEngine.freePort();
    int smtp = TestEngine.freePort();
    GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(imap, "127.0.0.1", "imap"),
        new ServerSetup(smtp, "127.0.0.1", "smtp")});
    mail.start();
    var support = mail.setUser("suporte@assistec.com.br", "suporte@assistec.com.br", "imap-secret");
    ServiceDeskSimulator desk = new ServiceDeskSimulator().start();
    Map<String, String> env = new HashMap<>(storage);
    env.putAll(Map.of("PROVIDER_URL", desk.url(), "IMAP_PORT", String.valueOf(imap), "SMTP_PORT",
        String.valueOf(smtp), "IMAP_PASSWORD", "imap-secret"));
    try (TestEngine t = TestEngine.withConfig(Path.of("src/test/resources/automations-test.yaml"), env)) {
      MimeMessage repair = MailFixtures.mail(REPAIR_ID, "Genoveva Brandão <" + SENDER + ">", "Geladeira sem gelar",
          "A geladeira Consul parou de gelar. Telefone 11 98888-7777, Rua das Pitangueiras 45.");
      MimeMessage quote = MailFixtures.mail("<quote-gb-1@gmail.com>", "Genoveva Brandão <" + SENDER + ">",
          "Orçamento de instalação", "Quero orçamento de dois splits na varanda. Telefone 11 98888-7777.");
      support.deliver(repair);
      support.deliver(quote);
      String repairId = recordId("1733470000.42.JavaMail." + SENDER);
      JsonObject repaired = awaitStatus(t, repairId, "INTEGRATED");
      awaitStatus(t, recordId("quote-gb-1@gmail.com"), "INTEGRATED");
      assertThat(desk.cards()).filteredOn(c -> c.getString("name").contains("Geladeira sem gelar")).hasSize(1);
      assertThat(mail.getReceivedMessagesForDomain("gmail.com")).as("the reply to the quote request").hasSize(1);
      // A third mail whose card Trello refuses for good: FAILED, its dead command kept.
      desk.failAlways(400);
      MimeMessage stove = MailFixtures.mail("<stove-gb-1@gmail.com>", "Genoveva Brandão <" + SENDER + ">",
          "Fogão sem chama", "O fogão da Rua das Pitangueiras 45 não acende. Telefone 11 98888-7777.");
      support.deliver(stove);
      String stoveId = recordId("stove-gb-1@gmail.com");
      awaitStatus(t, stoveId, "FAILED");
      desk.failAlways(0);
      String cardId = repaired.getJsonArray("log").getJsonObject(1).getString("externalId");
      assertThat(cardId).isNotBlank();
      assertThat(scan.apply(t).get()).as("the scan sees the data before the erase")
          .anyMatch(h -> h.toLowerCase(Locale.ROOT).contains("integration")).anyMatch(h -> h.toLowerCase(Locale.ROOT).contains("outbox"));

      String contact = URLEncoder.encode("GENOVEVA.brandao@gmail.com", StandardCharsets.UTF_8);
      var export = Await.of(t.adminGet("/admin/v1/contacts/" + contact + "/export?tenant=assistec"));
      assertThat(export.statusCode()).isEqualTo(200);
      JsonObject held = export.bodyAsJsonObject();
      assertThat(held.getJsonArray("integrations")).hasSize(3);
      assertThat(held.getJsonArray("integrations").encode()).contains("Rua das Pitangueiras 45", "Genoveva Brandão");
      assertThat(held.getJsonArray("outbox").encode()).contains("Geladeira sem gelar — Genoveva Brandão",
          "Recebemos seu pedido", "quote.requested");

      var erase = Await.of(t.adminPost("/admin/v1/contacts/" + contact + "/erase?tenant=assistec",
          new JsonObject().put("confirm", true)));
      assertThat(erase.statusCode()).isEqualTo(200);
      JsonObject counts = erase.bodyAsJsonObject().getJsonObject("erased");
      assertThat(counts.getInteger("integrations")).isEqualTo(3);
      assertThat(counts.getInteger("outbox")).as("card, alert, reply, webhook and the dead card").isEqualTo(5);

      assertThat(scan.apply(t).get()).isEmpty();
      JsonObject kept = record(t, repairId);
      assertThat(kept.getString("status")).isEqualTo("INTEGRATED");
      assertThat(kept.getJsonArray("log").getJsonObject(1).getString("externalId")).isEqualTo(cardId);
      var retry = Await.of(t.adminPost("/admin/v1/integrations/" + stoveId + "/retry", new JsonObject()));
      assertThat(retry.statusCode()).as("an erased record is not run again from erased data").isEqualTo(409);
      assertThat(retry.bodyAsString()).contains("erased");
      assertThat(Await.of(t.adminPost("/admin/v1/contacts/" + contact + "/erase?tenant=assistec",
          new JsonObject().put("confirm", true))).bodyAsJsonObject().getString("status")).isEqualTo("nothing-held");
      assertThat(Await.of(t.adminGet("/admin/v1/contacts/" + contact + "/export?tenant=assistec")).statusCode())
          .isEqualTo(404);
    } finally {
      desk.close();
      mail.stop();
    }
  }

  private static String recordId(String messageId) {
    return MailSource.recordId("assistec", "assistec-inbox", messageId);
  }

  private static JsonObject record(TestEngine t, String id) {
    var res = Await.of(t.adminGet("/admin/v1/integrations/" + id));
    return res.statusCode() == 200 ? res.bodyAsJsonObject() : null;
  }

  private static JsonObject awaitStatus(TestEngine t, String id, String status) {
    boolean reached = Await.until(() -> {
      JsonObject r = record(t, id);
      return r != null && status.equals(r.getString("status"));
    }, 20_000);
    assertThat(reached).as("integration %s reaches %s, last seen %s", id, status, record(t, id)).isTrue();
    return record(t, id);
  }
}
