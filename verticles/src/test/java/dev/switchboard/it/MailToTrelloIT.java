package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.switchboard.engine.automation.MailSource;
import dev.switchboard.engine.channel.StandardWebhookSignature;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service desk end to end on real servers: GreenMail as the support mailbox (IMAP) and the tenant's SMTP, a local
 * HTTP server playing Trello, Telegram and the ERP's webhook receiver, and the engine reading the mailbox on its own.
 * Each new mail becomes one Trello card and one Telegram alert; repeats, retries and reviews never make a second.
 */
class MailToTrelloIT {
  static final String TENANT = "assistec";
  static final String INBOX = "assistec-inbox";
  static GreenMail mail;
  static GreenMailUser support;
  static ServiceDeskSimulator desk;
  static TestEngine engine;

  @BeforeAll
  static void start() {
    int imap = TestEngine.freePort();
    int smtp = TestEngine.freePort();
    mail = new GreenMail(new ServerSetup[] {new ServerSetup(imap, "127.0.0.1", "imap"),
        new ServerSetup(smtp, "127.0.0.1", "smtp")});
    mail.start();
    support = mail.setUser("suporte@assistec.com.br", "suporte@assistec.com.br", "imap-secret");
    desk = new ServiceDeskSimulator().start();
    engine = TestEngine.withConfig(Path.of("src/test/resources/automations-test.yaml"), Map.of(
        "PROVIDER_URL", desk.url(), "IMAP_PORT", String.valueOf(imap), "SMTP_PORT", String.valueOf(smtp),
        "IMAP_PASSWORD", "imap-secret"));
  }

  @AfterAll
  static void stop() {
    engine.close();
    desk.close();
    mail.stop();
  }

  static String recordId(MimeMessage m) {
    try {
      String id = m.getMessageID();
      return MailSource.recordId(TENANT, INBOX, id.substring(1, id.length() - 1));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject record(String id) {
    var res = Await.of(engine.adminGet("/admin/v1/integrations/" + id));
    return res.statusCode() == 200 ? res.bodyAsJsonObject() : null;
  }

  static JsonObject awaitStatus(String id, String status) {
    boolean reached = Await.until(() -> {
      JsonObject r = record(id);
      return r != null && status.equals(r.getString("status"));
    }, 20_000);
    assertThat(reached).as("integration %s reaches %s, last seen %s", id, status, record(id)).isTrue();
    return record(id);
  }

  static List<JsonObject> cardsNamed(String part) {
    return desk.cards().stream().filter(c -> c.getString("name").contains(part)).toList();
  }

  @Test
  void eachNewMailBecomesOneCardAndOneAlertEvenWhenDeliveredTwice() {
    MimeMessage maria = MailFixtures.fixture("01_plain_utf8.eml");
    support.deliver(maria);
    support.deliver(MailFixtures.fixture("18_duplicate_redelivery_a.eml"));
    support.deliver(MailFixtures.fixture("19_duplicate_redelivery_b.eml"));

    JsonObject done = awaitStatus(recordId(maria), "INTEGRATED");
    awaitStatus(recordId(MailFixtures.fixture("18_duplicate_redelivery_a.eml")), "INTEGRATED");
    List<JsonObject> cards = cardsNamed("Visita técnica - ar-condicionado pingando");
    assertThat(cards).hasSize(1);
    JsonObject card = cards.get(0);
    assertThat(card.getString("name")).isEqualTo("Visita técnica - ar-condicionado pingando — Maria Souza");
    assertThat(card.getString("idList")).isEqualTo("64a1b2c3d4e5f60718293a4b");
    assertThat(card.getString("idLabels")).isEqualTo("64a1b2c3d4e5f60718290001");
    // "dia 11/12/2026" → the due date at noon in São Paulo.
    assertThat(card.getString("due")).isEqualTo("2026-12-11T15:00:00Z");
    assertThat(card.getString("desc")).contains("Cliente: Maria Souza <maria.souza@gmail.com>", "05422-030",
        "Data preferida: 2026-12-11", "Split Samsung 12000 BTUs está pingando").containsPattern("ref: sb-[0-9a-f]{16}");
    assertThat(cardsNamed("Ar de janela barulhento")).hasSize(1);
    // The Trello call as Trello wants it: key and token in the query, the card as JSON.
    ServiceDeskSimulator.Call post = desk.calls("POST", "/1/cards").get(0);
    assertThat(post.path()).isEqualTo("/1/cards?key=" + ServiceDeskSimulator.TRELLO_KEY + "&token="
        + ServiceDeskSimulator.TRELLO_TOKEN);
    assertThat(post.headers().get("Content-Type")).isEqualTo("application/json");

    List<JsonObject> alerts = desk.telegramMessages().stream()
        .filter(m -> m.getString("text").contains("Visita técnica")).toList();
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).getLong("chat_id")).isEqualTo(-1001234567890L);
    assertThat(alerts.get(0).getString("text")).isEqualTo(
        "Novo chamado de Maria Souza: Visita técnica - ar-condicionado pingando (tel. " + phone(done) + ")");
    assertThat(desk.telegramMessages().stream().filter(m -> m.getString("text").contains("Ar de janela"))).hasSize(1);

    JsonArray log = done.getJsonArray("log");
    assertThat(log.stream().map(o -> ((JsonObject) o).getString("stepType") + ":" + ((JsonObject) o).getString("outcome")))
        .containsExactly("extract:ok", "trello.card:ok", "telegram.notify:ok");
    assertThat(log.getJsonObject(1).getString("externalId")).isEqualTo(card.getString("id"));
    assertThat(done.getJsonObject("data").getString("cep")).isEqualTo("05422-030");
    assertThat(engine.registry.find("sb_mail_messages_total").tags("tenant", TENANT, "mailbox", INBOX, "outcome",
        "duplicate").counter().count()).isGreaterThanOrEqualTo(1);
    assertThat(engine.registry.find("sb_integrations_total").tags("tenant", TENANT, "status", "INTEGRATED")
        .counter().count()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void anAutoReplyIsNeverAnsweredByMailSoTwoAutorespondersCannotLoop() {
    MimeMessage auto = MailFixtures.fixture("31_auto_reply_ferias.eml");
    support.deliver(auto);
    JsonObject done = awaitStatus(recordId(auto), "INTEGRATED");
    assertThat(done.getString("automation")).isEqualTo("orcamentos");
    assertThat(done.getJsonArray("log").stream().map(o -> ((JsonObject) o).getString("stepType") + ":"
        + ((JsonObject) o).getString("outcome"))).containsExactly("extract:ok", "email.reply:skipped", "webhook:ok");
    assertThat(mail.getReceivedMessagesForDomain("empresa.com.br")).isEmpty();
  }

  @Test
  void aRuleCanBeChosenByTheIntentTheClassifierReadsInTheMail() {
    MimeMessage m = MailFixtures.mail("<cancel-0001@gmail.com>", "Jorge Alves <jorge.alves@gmail.com>",
        "Contrato de manutenção", "Quero cancelar o contrato de manutenção mensal do ar-condicionado, por favor.");
    support.deliver(m);
    JsonObject done = awaitStatus(recordId(m), "INTEGRATED");
    assertThat(done.getString("automation")).isEqualTo("cancelamentos");
    assertThat(desk.telegramMessages().stream().map(t -> t.getString("text")))
        .contains("Pedido de cancelamento de Jorge Alves: Contrato de manutenção");
    assertThat(cardsNamed("Contrato de manutenção")).isEmpty();
  }

  private static String phone(JsonObject record) {
    return record.getJsonObject("data").getString("phone");
  }

  @Test
  void trelloThrottlingAndServerErrorsAreRetriedWithBackoffIntoOneCard() {
    desk.failNext(429, 500);
    MimeMessage m = MailFixtures.mail("<retry-0001@gmail.com>", "Rafael Dias <rafael.dias@gmail.com>",
        "Lava-louças vazando", "A lava-louças Brastemp está vazando pela porta. Telefone 11 98123-4567.");
    support.deliver(m);
    JsonObject done = awaitStatus(recordId(m), "INTEGRATED");
    assertThat(cardsNamed("Lava-louças vazando")).hasSize(1);
    JsonObject trelloStep = done.getJsonArray("log").getJsonObject(1);
    assertThat(trelloStep.getString("outcome")).isEqualTo("ok");
    assertThat(trelloStep.getInteger("attempt")).isEqualTo(3);
    // Every retry carried the same idempotency key, and looked for its card before creating one again.
    List<ServiceDeskSimulator.Call> posts = desk.calls("POST", "/1/cards").stream()
        .filter(c -> c.body().contains("Lava-louças vazando")).toList();
    assertThat(posts).hasSize(3);
    assertThat(posts.stream().map(c -> c.headers().get("Idempotency-Key")).distinct()).hasSize(1);
    assertThat(desk.calls("GET", "/1/lists/64a1b2c3d4e5f60718293a4b/cards")).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void anInvalidExtractionWaitsForReviewAndTheResolvedDataMakesTheCard() {
    MimeMessage m = MailFixtures.mail("<review-0001@gmail.com>", "Patrícia Gomes <patricia.gomes@gmail.com>",
        "Secadora não liga", "Bom dia, a secadora Electrolux não liga mais. Moro na Rua Fradique Coutinho, 80.");
    support.deliver(m);
    String id = recordId(m);
    JsonObject review = awaitStatus(id, "REQUIRES_REVIEW");
    assertThat(review.getJsonArray("errors").encode()).contains("phone");
    assertThat(cardsNamed("Secadora não liga")).isEmpty();

    var invalid = Await.of(engine.adminPost("/admin/v1/integrations/" + id + "/resolve",
        new JsonObject().put("data", new JsonObject().put("date", "2026-12-20"))));
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(invalid.bodyAsJsonObject().getJsonArray("errors").encode()).contains("phone");
    assertThat(Await.of(engine.adminPost("/admin/v1/integrations/" + id + "/resolve", new JsonObject()))
        .statusCode()).isEqualTo(400);

    var resolved = Await.of(engine.adminPost("/admin/v1/integrations/" + id + "/resolve", new JsonObject()
        .put("data", new JsonObject().put("phone", "+5511987650000").put("date", "2026-12-20"))));
    assertThat(resolved.statusCode()).isEqualTo(200);
    JsonObject done = awaitStatus(id, "INTEGRATED");
    List<JsonObject> cards = cardsNamed("Secadora não liga");
    assertThat(cards).hasSize(1);
    assertThat(cards.get(0).getString("desc")).contains("Telefone: +5511987650000");
    assertThat(cards.get(0).getString("due")).isEqualTo("2026-12-20T15:00:00Z");
    assertThat(done.getJsonArray("log").stream().map(o -> ((JsonObject) o).getString("outcome")))
        .containsExactly("requires_review", "resolved", "ok", "ok");
    // Resolving twice is refused: the record is no longer waiting for review.
    assertThat(Await.of(engine.adminPost("/admin/v1/integrations/" + id + "/resolve", new JsonObject()
        .put("data", new JsonObject().put("phone", "+5511987650000")))).statusCode()).isEqualTo(409);
  }

  @Test
  void aFailedStepIsRetriedFromThereThroughTheApi() {
    desk.failAlways(400);
    MimeMessage m = MailFixtures.mail("<failed-0001@gmail.com>", "Otávio Ramos <otavio.ramos@gmail.com>",
        "Fogão com vazamento de gás", "O fogão Atlas está com cheiro de gás. Telefone 11 97000-1111.");
    support.deliver(m);
    String id = recordId(m);
    JsonObject failed = awaitStatus(id, "FAILED");
    desk.failAlways(0);
    assertThat(failed.getJsonArray("errors").encode()).contains("trello http 400");
    assertThat(failed.getInteger("step")).isEqualTo(1);
    assertThat(desk.telegramMessages().stream().filter(t -> t.getString("text").contains("Fogão"))).isEmpty();

    var retried = Await.of(engine.adminPost("/admin/v1/integrations/" + id + "/retry", new JsonObject()));
    assertThat(retried.statusCode()).isEqualTo(202);
    JsonObject done = awaitStatus(id, "INTEGRATED");
    assertThat(cardsNamed("Fogão com vazamento de gás")).hasSize(1);
    assertThat(desk.telegramMessages().stream().filter(t -> t.getString("text").contains("Fogão"))).hasSize(1);
    assertThat(done.getJsonArray("log").stream().map(o -> ((JsonObject) o).getString("outcome")))
        .containsExactly("ok", "failed", "retry", "ok", "ok");
    assertThat(Await.of(engine.adminPost("/admin/v1/integrations/" + id + "/retry", new JsonObject()))
        .statusCode()).isEqualTo(409);
  }

  @Test
  void aQuoteRequestIsAcknowledgedByMailAndPostedToTheSignedWebhook() throws Exception {
    MimeMessage m = MailFixtures.fixture("06_encoded_subject_b.eml");
    support.deliver(m);
    JsonObject done = awaitStatus(recordId(m), "INTEGRATED");
    assertThat(done.getString("automation")).isEqualTo("orcamentos");

    assertThat(Await.until(() -> mail.getReceivedMessagesForDomain("yahoo.com.br").length == 1, 10_000)).isTrue();
    MimeMessage reply = mail.getReceivedMessagesForDomain("yahoo.com.br")[0];
    assertThat(reply.getSubject()).isEqualTo("Recebemos seu pedido: Orçamento: instalação de 2 splits – urgente");
    assertThat(reply.getRecipients(MimeMessage.RecipientType.TO)[0].toString())
        .isEqualTo("luiza.goncalves@yahoo.com.br");
    assertThat(((String) reply.getContent())).contains("Olá, Luíza Gonçalves!", "telefone");

    List<ServiceDeskSimulator.Call> hooks = desk.calls("POST", "/hooks/erp");
    assertThat(hooks).hasSize(1);
    ServiceDeskSimulator.Call hook = hooks.get(0);
    var verified = new StandardWebhookSignature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", Clock.systemUTC(),
        Duration.ofMinutes(5)).verify(hook.headers().get("webhook-id"), hook.headers().get("webhook-timestamp"),
        hook.headers().get("webhook-signature"), hook.body().getBytes(StandardCharsets.UTF_8));
    assertThat(verified).isEqualTo(StandardWebhookSignature.Result.OK);
    JsonObject event = new JsonObject(hook.body());
    assertThat(event.getString("type")).isEqualTo("quote.requested");
    assertThat(event.getJsonObject("data").getString("integrationId")).isEqualTo(done.getString("id"));
    assertThat(event.getJsonObject("data").getJsonObject("fields").getString("date")).isEqualTo("2026-12-18");
    assertThat(cardsNamed("Orçamento")).isEmpty();
  }

  @Test
  void unparseableMailIsKeptFailedWithItsReasonAndListedByStatus() {
    MimeMessage broken = MailFixtures.fixture("24_bad_base64.eml");
    support.deliver(broken);
    JsonObject failed = awaitStatus(recordId(broken), "FAILED");
    assertThat(failed.getJsonArray("errors").getString(0)).startsWith("unreadable");
    assertThat(failed.getJsonArray("log").getJsonObject(0).getString("outcome")).isEqualTo("unparseable");
    var list = Await.of(engine.adminGet("/admin/v1/integrations?tenant=" + TENANT + "&status=FAILED"));
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.bodyAsJsonObject().getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getString("id"))).contains(recordId(broken));
    // Retrying cannot help an unparseable mail: refused, never retried forever.
    assertThat(Await.of(engine.adminPost("/admin/v1/integrations/" + recordId(broken) + "/retry", new JsonObject()))
        .statusCode()).isEqualTo(409);
    assertThat(Await.of(engine.adminGet("/admin/v1/integrations?tenant=" + TENANT + "&status=NOPE")).statusCode())
        .isEqualTo(400);
    assertThat(Await.of(engine.adminGet("/admin/v1/integrations?tenant=" + TENANT + "&from=yesterday")).statusCode())
        .isEqualTo(400);
    var rules = Await.of(engine.adminGet("/admin/v1/automations?tenant=" + TENANT)).bodyAsJsonObject();
    assertThat(rules.getJsonArray("automations").getJsonObject(2).getString("id")).isEqualTo("chamados");
    assertThat(rules.getJsonArray("automations").getJsonObject(0).getJsonObject("trigger").getString("intent"))
        .isEqualTo("cancel");
    assertThat(rules.encode()).doesNotContain("imap-secret");
    JsonObject box = rules.getJsonArray("mailboxes").getJsonObject(0);
    assertThat(box.getLong("lastUid")).isPositive();
    assertThat(box.getString("polledBy")).isNotBlank();
  }

  @Test
  void realMailShapesReadOverImapKeepTheirCharsetsAndAttachmentsAsMetadata() {
    MimeMessage cp1252 = MailFixtures.fixture("04_windows1252_qp.eml");
    MimeMessage pdf = MailFixtures.fixture("14_attachment_pdf.eml");
    MimeMessage video = MailFixtures.fixture("16_attachment_large.eml");
    MimeMessage html = MailFixtures.fixture("03_html_only.eml");
    List.of(cp1252, pdf, video, html).forEach(support::deliver);

    JsonObject washer = awaitStatus(recordId(cp1252), "INTEGRATED");
    assertThat(washer.getString("subject")).isEqualTo("Máquina de lavar com barulho – orçamento");
    assertThat(washer.getString("automation")).isEqualTo("orcamentos");
    assertThat(washer.getJsonObject("source").getString("text")).contains("“estranho” na centrifugação");

    JsonObject invoice = awaitStatus(recordId(pdf), "INTEGRATED").getJsonObject("source");
    assertThat(invoice.getJsonArray("attachments").getJsonObject(0).getString("name"))
        .isEqualTo("nota fiscal secadora.pdf");
    assertThat(invoice.getJsonArray("attachments").getJsonObject(0).getLong("size")).isEqualTo(1380);
    assertThat(cardsNamed("Nota fiscal e garantia").get(0).getString("desc"))
        .contains("Anexo: nota fiscal secadora.pdf (1380 bytes)");

    // Above maxAttachmentBytes (4 KiB here): sized from the IMAP body structure, never downloaded.
    JsonObject big = awaitStatus(recordId(video), "INTEGRATED").getJsonObject("source").getJsonArray("attachments")
        .getJsonObject(0);
    assertThat(big.getBoolean("approximate")).isTrue();
    assertThat(big.getLong("size")).isBetween(59_000L, 62_000L);

    JsonObject office = awaitStatus(recordId(html), "INTEGRATED");
    assertThat(office.getJsonObject("source").getString("text")).contains("Rua Augusta, 2500, 8º andar")
        .doesNotContain("<p>", "alert(");
    assertThat(office.getJsonObject("data").getString("cep")).isEqualTo("01412-100");
  }
}
