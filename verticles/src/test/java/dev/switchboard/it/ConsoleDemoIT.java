package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The README's promise, as shipped (config/switchboard.yaml, its demo credentials): a visitor chats on the demo page
 * in one browser; an agent signs in to the console in another, finds the conversation, takes it over (the bot stays
 * silent on the visitor's next message), answers (the visitor sees it), hands it back (the bot answers again).
 * Leaves the README's screenshots in target/console-screenshots.
 */
class ConsoleDemoIT {
  static final Path SHOTS = Path.of("target/console-screenshots");

  private static int botLines(WebDriver visitor) {
    return visitor.findElements(By.cssSelector("#log .msg.bot")).size();
  }

  private static void say(Browser visitor, String text) {
    visitor.find("#text").sendKeys(text);
    visitor.find("#form button").click();
  }

  @Test
  void anAgentHandlesTheWebChatConversationStartedInAnotherTab() {
    try (TestEngine t = TestEngine.shipped(); Browser visitor = new Browser(); Browser agent = new Browser()) {
      String base = "http://127.0.0.1:" + t.port;
      visitor.open(base + "/");
      visitor.until(d -> d.findElement(By.id("log")).getText().contains("conectado"));
      say(visitor, "oi");
      visitor.until(d -> botLines(d) == 1);
      String id = (String) ((JavascriptExecutor) visitor.driver)
          .executeScript("return localStorage.getItem('switchboard.visitor');");
      String key = "demo:demo-webchat:" + id;
      // Two WhatsApp customers too, so the inbox has more than one row.
      assertThat(Await.of(t.postMeta("demo-whatsapp", WhatsAppPayloads.text("5511991234567", "wamid.demo.1",
          "quero falar com um atendente"))).statusCode()).isEqualTo(200);
      assertThat(Await.of(t.postMeta("demo-whatsapp", WhatsAppPayloads.text("5521987654321", "wamid.demo.2",
          "quanto custa a instalação?"))).statusCode()).isEqualTo(200);

      agent.open(base + "/console/");
      agent.login("agente", "demo-agent");
      agent.visible(".conv-item[data-key='" + key + "']");
      agent.until(d -> d.findElements(By.cssSelector(".conv-item")).size() == 3);
      agent.until(d -> d.findElements(By.cssSelector(".conv-item[data-state='HUMAN']")).size() == 1);
      agent.screenshot(SHOTS.resolve("inbox.png"));

      agent.find(".conv-item[data-key='" + key + "']").click();
      agent.visible("#btn-takeover").click();
      agent.until(d -> "HUMAN".equals(d.findElement(By.id("conv-state")).getAttribute("data-state")));
      say(visitor, "ainda tem horário amanhã?");
      agent.until(d -> d.findElements(By.cssSelector("#messages .msg.in")).size() == 2);
      assertThat(botLines(visitor.driver)).as("the bot stays silent while a person has the conversation").isEqualTo(1);

      String reply = "Oi! Aqui é a Júlia, da Climatec. Tenho horário amanhã às 14h, pode ser?";
      agent.find("#reply-text").sendKeys(reply);
      agent.find("#reply-send").click();
      visitor.until(d -> d.findElements(By.cssSelector("#log .msg.bot")).stream()
          .anyMatch(e -> e.getText().equals(reply)));
      agent.until(d -> d.findElements(By.cssSelector("#messages .msg.out[data-status='SENT']")).size() == 2);
      agent.screenshot(SHOTS.resolve("conversation.png"));

      agent.find("#btn-handback").click();
      agent.until(d -> "BOT".equals(d.findElement(By.id("conv-state")).getAttribute("data-state")));
      say(visitor, "obrigado");
      visitor.until(d -> botLines(d) == 3);
      agent.until(d -> d.findElements(By.cssSelector("#messages .msg.out")).size() == 3);
    }
  }
}
