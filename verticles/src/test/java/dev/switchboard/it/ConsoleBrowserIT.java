package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.outbound.SandboxLog;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator console in a real headless Chromium against the whole engine: a WhatsApp webhook creates a
 * conversation that shows up in the open inbox without a reload, an agent takes it over (the bot stays silent on the
 * customer's next message: nothing more in the sandbox sender's log), replies (the reply reaches the sandbox log
 * through the outbox), hands it back (the bot answers again). Also: a failed sign-in, an agent of another tenant
 * refused in the UI and by the API, and a take-over seen at once by a second browser.
 */
class ConsoleBrowserIT {
  static final Path SHOTS = Path.of("target/console-screenshots");
  static TestEngine t;

  @BeforeAll
  static void start() {
    t = new TestEngine(Map.of());
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private String console() {
    return "http://127.0.0.1:" + t.port + "/console/";
  }

  private static String item(String key) {
    return ".conv-item[data-key='" + key + "']";
  }

  private List<SandboxLog.Entry> sentTo(String recipient) {
    // Oldest first: what the customer received, in order.
    return t.engine.sandbox().list("acme", 500).stream().filter(e -> e.recipient().equals(recipient))
        .sorted(Comparator.comparing(SandboxLog.Entry::at)).toList();
  }

  @Test
  void anAgentTakesOverRepliesAndHandsBackWhileTheInboxFollowsLive() {
    String phone = "5511987650101";
    String key = "acme:wa:+" + phone;
    try (Browser b = new Browser()) {
      b.open(console());
      b.login("ana", "ana-senha-123");
      // Set once: a reload would lose it, so the checks below prove the page was updated in place.
      ((JavascriptExecutor) b.driver).executeScript("window.__sameDocument = true;");
      assertThat(b.driver.findElements(By.cssSelector(item(key)))).isEmpty();

      assertThat(Await.of(t.whatsappText(phone, "wamid.console.1", "oi, bom dia")).statusCode()).isEqualTo(200);
      b.visible(item(key));
      assertThat(Await.until(() -> sentTo(phone).size() == 1, 15_000)).isTrue();
      String greeting = sentTo(phone).get(0).text();

      b.find(item(key)).click();
      b.until(d -> d.findElements(By.cssSelector("#messages .msg.out")).size() == 1);
      b.find("#btn-takeover").click();
      b.until(d -> "HUMAN".equals(d.findElement(By.id("conv-state")).getAttribute("data-state")));
      assertThat(b.find("#conv-owner").getText()).isEqualTo("Atendida por você");
      // Filters: assigned to me, by state, by contact.
      b.find("#filter-mine").click();
      b.until(d -> d.findElements(By.cssSelector(".conv-item")).size() == 1);
      assertThat(b.find(".conv-item").getAttribute("data-key")).isEqualTo(key);
      b.find("#filter-mine").click();
      b.find("#filter-search").sendKeys("nao-existe");
      b.until(d -> d.findElements(By.cssSelector(".conv-item")).isEmpty());
      b.find("#filter-search").clear();
      b.find("#filter-search").sendKeys("650101");
      b.until(d -> d.findElements(By.cssSelector(".conv-item")).size() == 1);

      assertThat(Await.of(t.whatsappText(phone, "wamid.console.2", "qual o preço da visita?")).statusCode())
          .isEqualTo(200);
      // The customer's message is shown live; the step that wrote it decided the reply, and there was none.
      b.until(d -> d.findElements(By.cssSelector("#messages .msg.in")).size() == 2);
      assertThat(b.driver.findElements(By.cssSelector("#messages .msg.out"))).hasSize(1);
      // What the AI makes of each customer message, through POST /admin/v1/ai/classify.
      b.until(d -> d.findElements(By.cssSelector("#messages .msg.in .intent")).stream()
          .anyMatch(e -> e.getText().equals("preço")));
      JsonObject outbox = Await.of(t.adminGet("/admin/v1/outbox?tenant=acme")).bodyAsJsonObject();
      assertThat(outbox.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("key"))
          .filter(key::equals)).hasSize(1);
      assertThat(sentTo(phone)).hasSize(1);
      b.screenshot(SHOTS.resolve("e2e-conversation.png"));

      b.find("#reply-text").sendKeys("Olá! Aqui é a Ana. A visita custa R$ 120.");
      b.find("#reply-send").click();
      assertThat(Await.until(() -> sentTo(phone).size() == 2, 15_000)).isTrue();
      assertThat(sentTo(phone).get(1).text()).isEqualTo("Olá! Aqui é a Ana. A visita custa R$ 120.");
      b.until(d -> d.findElements(By.cssSelector("#messages .msg.out[data-status='SENT']")).size() == 2);

      b.find("#btn-handback").click();
      b.until(d -> "BOT".equals(d.findElement(By.id("conv-state")).getAttribute("data-state")));
      assertThat(Await.of(t.whatsappText(phone, "wamid.console.3", "oi de novo")).statusCode()).isEqualTo(200);
      assertThat(Await.until(() -> sentTo(phone).size() == 3, 15_000)).isTrue();
      assertThat(sentTo(phone).get(2).text()).isNotBlank().isNotEqualTo("Olá! Aqui é a Ana. A visita custa R$ 120.");
      assertThat(greeting).isNotBlank();
      b.until(d -> d.findElements(By.cssSelector("#messages .msg.out")).size() == 3);
      assertThat(((JavascriptExecutor) b.driver).executeScript("return window.__sameDocument === true;"))
          .isEqualTo(true);
      b.find("#nav-inbox").click();
      b.visible(".pick");
      b.screenshot(SHOTS.resolve("e2e-inbox.png"));
    }
  }

  @Test
  void aWrongPasswordIsRefusedWithAMessageAndNoSession() {
    try (Browser b = new Browser()) {
      b.open(console());
      b.visible("#login-username").sendKeys("ana");
      b.find("#login-password").sendKeys("senha-errada-123");
      b.find("#login-submit").click();
      b.until(d -> !d.findElement(By.id("login-error")).getText().isEmpty());
      assertThat(b.find("#login-error").getText()).isEqualTo("Usuário ou senha incorretos.");
      assertThat(b.driver.findElements(By.id("conversation-list"))).isEmpty();
      assertThat(b.driver.manage().getCookies()).isEmpty();
      b.screenshot(SHOTS.resolve("login-failed.png"));
    }
  }

  @Test
  void anAgentOfAnotherTenantCannotOpenTheConversationInTheUiNorThroughTheApi() {
    String phone = "5511987650202";
    String key = "acme:wa:+" + phone;
    assertThat(Await.of(t.whatsappText(phone, "wamid.console.20", "oi")).statusCode()).isEqualTo(200);
    assertThat(Await.until(() -> sentTo(phone).size() == 1, 15_000)).isTrue();
    try (Browser b = new Browser()) {
      b.open(console());
      b.login("bia", "bia-senha-123");
      assertThat(b.driver.findElements(By.cssSelector(item(key)))).isEmpty();
      b.open(console() + "#/c/" + TestEngine.key("acme", "wa", "+" + phone));
      assertThat(b.visible("#conv-error").getText()).isEqualTo("Você não tem acesso a esta conversa.");
    }
    String token = Await.of(t.client.post("/admin/v1/auth/login").sendJsonObject(new JsonObject()
        .put("username", "bia").put("password", "bia-senha-123"))).bodyAsJsonObject().getString("token");
    String encoded = TestEngine.key("acme", "wa", "+" + phone);
    assertThat(status("GET", "/admin/v1/conversations/" + encoded + "/messages", token)).isEqualTo(403);
    assertThat(status("GET", "/admin/v1/conversations?tenant=acme", token)).isEqualTo(403);
    assertThat(status("POST", "/admin/v1/conversations/" + encoded + "/handoff", token)).isEqualTo(403);
    assertThat(status("GET", "/admin/v1/conversations?tenant=clinic", token)).isEqualTo(200);
    assertThat(Await.of(t.adminGet("/admin/v1/conversations/" + encoded + "/audit")).bodyAsJsonObject()
        .getJsonArray("items")).isEmpty();
  }

  @Test
  void twoBrowsersOnTheSameConversationSeeTheTakeOverAtOnce() {
    String phone = "5511987650303";
    String key = "acme:wa:+" + phone;
    assertThat(Await.of(t.whatsappText(phone, "wamid.console.30", "oi")).statusCode()).isEqualTo(200);
    assertThat(Await.until(() -> sentTo(phone).size() == 1, 15_000)).isTrue();
    try (Browser ana = new Browser(); Browser root = new Browser()) {
      String url = console() + "#/c/" + TestEngine.key("acme", "wa", "+" + phone);
      ana.open(url);
      ana.login("ana", "ana-senha-123");
      root.open(url);
      root.login("root", "root-senha-123");
      root.until(d -> "BOT".equals(d.findElement(By.id("conv-state")).getAttribute("data-state")));
      assertThat(root.find("#conv-owner").getText()).isEqualTo("O bot está respondendo");
      ((JavascriptExecutor) root.driver).executeScript("window.__sameDocument = true;");

      ana.visible("#btn-takeover").click();
      ana.until(d -> "HUMAN".equals(d.findElement(By.id("conv-state")).getAttribute("data-state")));
      root.until(d -> "HUMAN".equals(d.findElement(By.id("conv-state")).getAttribute("data-state")));
      root.until(d -> d.findElement(By.id("conv-owner")).getText().equals("Atendida por ana"));
      root.until(d -> d.findElement(By.id("announcer")).getAttribute("textContent").equals("ana assumiu esta conversa."));
      assertThat(root.find("#btn-handback").isEnabled()).isTrue();
      assertThat(root.find("#reply-text").isEnabled()).isTrue();
      assertThat(root.find(item(key)).getAttribute("data-state")).isEqualTo("HUMAN");
      assertThat(((JavascriptExecutor) root.driver).executeScript("return window.__sameDocument === true;"))
          .isEqualTo(true);

      // The admin takes it from ana (a claim: still with a person, the trail says who): ana sees it at once.
      root.find("#btn-takeover").click();
      root.until(d -> d.findElement(By.id("conv-owner")).getText().equals("Atendida por você"));
      ana.until(d -> d.findElement(By.id("conv-owner")).getText().equals("Atendida por root"));
      ana.until(d -> d.findElement(By.id("announcer")).getAttribute("textContent").equals("root assumiu esta conversa."));
      assertThat(Await.of(t.adminGet("/admin/v1/conversations/" + TestEngine.key("acme", "wa", "+" + phone)
          + "/audit")).bodyAsJsonObject().getJsonArray("items").stream().map(o -> (JsonObject) o)
          .map(a -> a.getString("trigger") + " " + a.getString("actor")).toList())
          .containsExactly("AGENT_TAKEOVER agent:ana", "AGENT_CLAIM agent:root");

      ana.find("#btn-close").click();
      root.until(d -> "CLOSED".equals(d.findElement(By.id("conv-state")).getAttribute("data-state")));
      assertThat(root.find("#conv-owner").getText()).isEqualTo("Conversa encerrada");
      assertThat(root.find("#reply-text").isEnabled()).isFalse();
    }
  }

  @Test
  void anAdminSeesOperationsReplaysADeadLetterAndManagesOperators() {
    // A reply the provider refused for good, as the outbox leaves it (OutboundFailuresIT covers how it gets there).
    ConversationKey key = new ConversationKey("acme", "wa", "+5511987650404");
    String id = OutboundCommand.idFor("acme", "wa/wamid.console.40", 0);
    Await.of(t.engine.stores().outbox().addIfAbsent(OutboundCommand.pending(id, key, ChannelType.WHATSAPP, "sandbox",
        "5511987650404", new OutboundPayload.Text("Seu pedido saiu para entrega.", null), Instant.now(), "cid-40")
        .dead("131047 re-engagement required")));
    assertThat(Await.of(t.whatsappText("5511987650405", "wamid.console.41", "oi")).statusCode()).isEqualTo(200);
    assertThat(Await.until(() -> sentTo("5511987650405").size() == 1, 15_000)).isTrue();
    try (Browser b = new Browser()) {
      b.open(console());
      b.login("root", "root-senha-123");
      b.find("#nav-ops").click();
      b.visible("#ops-dead table");
      assertThat(b.visible("#ops-today table").getText()).contains("acme").contains("wa");
      assertThat(b.find("#ops-dead").getText()).contains("acme:wa:+5511987650404").contains("131047");
      assertThat(b.find("#ops-review").getText()).contains("Integrações que precisam de revisão");
      b.visible("#ops-schedules table");
      b.screenshot(SHOTS.resolve("e2e-operations.png"));
      b.find("#ops-dead input[type=checkbox]").click();
      b.find("#replay").click();
      assertThat(b.visible("#replay-result").getText()).isEqualTo("Reenvio: reenviado");

      // Operators of the admin's tenants: create an agent from the page, who can then sign in; remove them.
      b.visible("#operators-body tr[data-username='bia']");
      b.find("#op-username").sendKeys("carol");
      b.find("#op-password").sendKeys("carol-senha-123");
      new Select(b.find("#op-tenant")).selectByValue("acme");
      b.find("#op-create").click();
      assertThat(b.visible("#operators-status").getText()).isEqualTo("Operador carol criado.");
      assertThat(b.find("#operators-body tr[data-username='carol']").getText()).contains("atendente").contains("acme");
      assertThat(Await.of(t.client.post("/admin/v1/auth/login").sendJsonObject(new JsonObject()
          .put("username", "carol").put("password", "carol-senha-123"))).statusCode()).isEqualTo(200);
      b.find("#operators-body tr[data-username='carol'] button").click();
      b.until(d -> d.findElements(By.cssSelector("#operators-body tr[data-username='carol']")).isEmpty());
      assertThat(Await.of(t.client.post("/admin/v1/auth/login").sendJsonObject(new JsonObject()
          .put("username", "carol").put("password", "carol-senha-123"))).statusCode()).isEqualTo(401);
    }
    assertThat(Await.until(() -> sentTo("5511987650404").stream()
        .anyMatch(e -> e.text().equals("Seu pedido saiu para entrega.")), 15_000)).isTrue();
    assertThat(Await.of(t.adminGet("/admin/v1/audit/actions?tenant=acme")).bodyAsString()).contains("agent:root");
  }

  private int status(String method, String path, String token) {
    var request = "GET".equals(method) ? t.client.get(path) : t.client.post(path);
    var response = "GET".equals(method) ? request.putHeader("Authorization", "Bearer " + token).send()
        : request.putHeader("Authorization", "Bearer " + token).sendJsonObject(new JsonObject());
    return Await.of(response).statusCode();
  }
}
