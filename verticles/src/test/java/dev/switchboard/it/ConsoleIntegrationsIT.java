package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.switchboard.engine.automation.MailSource;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The operations page's "integrations needing review" in a real headless Chromium against the whole engine, with
 * GreenMail as the support mailbox (IMAP) and a local server playing Trello: a mail whose extraction misses the
 * required phone waits for review, is listed, opened (mail, fields, errors, step log), a bad correction shows the
 * schema's reason next to its field, the good one makes exactly one card with the corrected values; a FAILED one is
 * retried from the page. An agent gets neither the page nor the routes.
 */
class ConsoleIntegrationsIT {
  static final String TENANT = "assistec";
  static final Path SHOTS = Path.of("target/console-screenshots");
  static GreenMail mail;
  static GreenMailUser support;
  static ServiceDeskSimulator desk;
  static TestEngine engine;

  @BeforeAll
  static void start() {
    int imap = TestEngine.freePort();
    mail = new GreenMail(new ServerSetup(imap, "127.0.0.1", "imap"));
    mail.start();
    support = mail.setUser("suporte@assistec.com.br", "suporte@assistec.com.br", "imap-secret");
    desk = new ServiceDeskSimulator().start();
    engine = TestEngine.withConfig(config(), Map.of(
        "PROVIDER_URL", desk.url(), "IMAP_PORT", String.valueOf(imap), "IMAP_PASSWORD", "imap-secret"));
    // Operators made through the API, as an operator of the service would.
    for (String role : List.of("admin", "agent")) {
      var created = Await.of(engine.adminPost("/admin/v1/operators", new JsonObject().put("username", "gestor-" + role)
          .put("password", role + "-senha-123").put("role", role).put("tenants", List.of(TENANT))));
      assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    }
  }

  /**
   * The automations' test tenant, with a phone pattern in its schema: a value a person can type wrong (the schema's
   * `format` is only an annotation under draft 2020-12, so a malformed date would pass).
   */
  static Path config() {
    try {
      String yaml = Files.readString(Path.of("src/test/resources/automations-test.yaml"));
      String phone = "phone: {type: string}";
      assertThat(yaml).contains(phone);
      Path file = Path.of("target/console-integrations-test.yaml");
      Files.writeString(file, yaml.replace(phone, "phone: {type: string, pattern: \"^[+]?[0-9 ()-]{10,}$\"}"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stop() {
    engine.close();
    desk.close();
    mail.stop();
  }

  static String recordId(MimeMessage m) throws Exception {
    String id = m.getMessageID();
    return MailSource.recordId(TENANT, "assistec-inbox", id.substring(1, id.length() - 1));
  }

  static JsonObject record(String id) {
    var res = Await.of(engine.adminGet("/admin/v1/integrations/" + id));
    return res.statusCode() == 200 ? res.bodyAsJsonObject() : null;
  }

  static void awaitStatus(String id, String status) {
    assertThat(Await.until(() -> record(id) != null && status.equals(record(id).getString("status")), 20_000))
        .as("integration %s reaches %s, last seen %s", id, status, record(id)).isTrue();
  }

  static List<JsonObject> cardsNamed(String part) {
    return desk.cards().stream().filter(c -> c.getString("name").contains(part)).toList();
  }

  private static String row(String id) {
    return "#review-table tr[data-id='" + id + "']";
  }

  private static String recordStatus(Browser b) {
    return b.find("#review-record-status .badge").getAttribute("data-status");
  }

  @Test
  void anAdminCorrectsAReviewInTheBrowserAndTheCardCarriesTheCorrectionOnce() throws Exception {
    // A step that fails for good first: Trello refuses the card (400) until it is fixed.
    desk.failAlways(400);
    MimeMessage stove = MailFixtures.mail("<console-failed-1@gmail.com>", "Otávio Ramos <otavio.ramos@gmail.com>",
        "Fogão com cheiro de gás", "O fogão Atlas está com cheiro de gás. Telefone 11 97000-1111.");
    support.deliver(stove);
    String failed = recordId(stove);
    awaitStatus(failed, "FAILED");
    desk.failAlways(0);
    // No phone anywhere: the extraction misses a required field and the record waits for a person.
    MimeMessage dryer = MailFixtures.mail("<console-review-1@gmail.com>", "Patrícia Gomes <patricia.gomes@gmail.com>",
        "Secadora não liga", "Bom dia, a secadora Electrolux não liga mais. Podem vir dia 20/12/2026? CEP 05422-030.");
    support.deliver(dryer);
    String review = recordId(dryer);
    awaitStatus(review, "REQUIRES_REVIEW");

    try (Browser b = new Browser()) {
      b.open("http://127.0.0.1:" + engine.port + "/console/");
      b.login("gestor-admin", "admin-senha-123");
      b.find("#nav-ops").click();
      b.visible(row(review));
      assertThat(b.find(row(review)).getText()).contains("Aguardando revisão", "Secadora não liga",
          "patricia.gomes@gmail.com", "chamados", "phone");
      assertThat(b.find(row(failed)).getText()).contains("Falhou", "Fogão com cheiro de gás", "trello http 400");

      b.find(row(review) + " button").click();
      b.until(d -> "review-detail-h".equals(d.switchTo().activeElement().getAttribute("id")));
      assertThat(b.find(row(review)).getAttribute("aria-current")).isNotNull();
      assertThat(b.find("#review-mail-text").getText()).contains("a secadora Electrolux não liga mais");
      assertThat(b.find("#review-fields").getText()).contains("Data", "2026-12-20", "CEP", "05422-030");
      assertThat(b.find("#review-errors").getText()).contains("phone");
      assertThat(b.find("#review-log").getText()).contains("extract", "precisa de revisão");
      // One input per field, pre-filled; the missing phone gets one too, with its label.
      WebElement date = b.find("#review-field-date");
      assertThat(date.getAttribute("value")).isEqualTo("2026-12-20");
      assertThat(b.find("label[for='review-field-phone']").getText()).isEqualTo("Telefone");

      // A bad value: refused with the schema's reason next to its field; nothing reaches Trello.
      date.clear();
      date.sendKeys("2026-12-22");
      WebElement phone = b.find("#review-field-phone");
      phone.sendKeys("ligar à tarde");
      b.find("#review-submit").click();
      b.until(d -> !d.findElement(By.id("review-field-phone-error")).getText().isBlank());
      assertThat(b.find("#review-field-phone-error").getText()).contains("$.phone", "pattern");
      assertThat(phone.getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(date.getAttribute("aria-invalid")).isNull();
      assertThat(b.find("#review-status").getText()).contains("não passou no esquema");
      assertThat(b.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("review-field-phone");
      assertThat(record(review).getString("status")).isEqualTo("REQUIRES_REVIEW");
      assertThat(cardsNamed("Secadora não liga")).isEmpty();
      // The section as a person sees it: the list above, the record with the refused correction below.
      b.driver.manage().window().setSize(new Dimension(1280, 1500));
      ((JavascriptExecutor) b.driver).executeScript("document.getElementById('ops-review').scrollIntoView()");
      b.screenshot(SHOTS.resolve("integrations.png"));

      phone.clear();
      phone.sendKeys("+5511987650000");
      b.find("#review-submit").click();
      b.until(d -> "INTEGRATED".equals(recordStatus(b)));
      assertThat(b.find("#review-status").getText()).contains("Correção aceita");
      b.until(d -> d.findElements(By.cssSelector(row(review))).isEmpty());
      assertThat(b.find("#review-log").getText()).contains("corrigida por uma pessoa", "trello.card");

      // The FAILED one: tried again from the page, from the step that failed.
      b.find(row(failed) + " button").click();
      b.visible("#review-retry").click();
      b.until(d -> "INTEGRATED".equals(recordStatus(b)));
      b.until(d -> d.findElements(By.cssSelector("#review-table")).isEmpty());
      assertThat(b.find("#review-empty").getText()).contains("Nenhuma integração");
    }

    awaitStatus(review, "INTEGRATED");
    List<JsonObject> cards = cardsNamed("Secadora não liga");
    assertThat(cards).hasSize(1);
    assertThat(cards.get(0).getString("desc")).contains("Telefone: +5511987650000", "Data preferida: 2026-12-22");
    assertThat(cards.get(0).getString("due")).isEqualTo("2026-12-22T15:00:00Z");
    assertThat(record(review).getJsonObject("data").getString("phone")).isEqualTo("+5511987650000");
    awaitStatus(failed, "INTEGRATED");
    assertThat(cardsNamed("Fogão com cheiro de gás")).hasSize(1);
  }

  @Test
  void anAgentHasNeitherTheSectionNorTheRoutesThatChangeARecord() {
    var login = Await.of(engine.client.post("/admin/v1/auth/login").sendJsonObject(new JsonObject()
        .put("username", "gestor-agent").put("password", "agent-senha-123")));
    assertThat(login.statusCode()).isEqualTo(200);
    String bearer = "Bearer " + login.bodyAsJsonObject().getString("token");
    for (String action : List.of("retry", "resolve")) {
      var res = Await.of(engine.client.post("/admin/v1/integrations/any/" + action).putHeader("Authorization", bearer)
          .sendJsonObject(new JsonObject().put("data", new JsonObject())));
      assertThat(res.statusCode()).as(action).isEqualTo(403);
    }
    try (Browser b = new Browser()) {
      b.open("http://127.0.0.1:" + engine.port + "/console/");
      b.login("gestor-agent", "agent-senha-123");
      assertThat(b.driver.findElements(By.id("nav-ops"))).isEmpty();
      b.open("http://127.0.0.1:" + engine.port + "/console/#/ops");
      assertThat(b.visible("[role=alert]").getText()).isEqualTo("As operações são para administradores.");
      assertThat(b.driver.findElements(By.id("ops-review"))).isEmpty();
    }
  }
}
