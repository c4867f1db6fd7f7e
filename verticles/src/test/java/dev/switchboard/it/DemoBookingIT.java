package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Issue 14's promise on the shipped configuration (embedded defaults, the demo tenant's sandbox calendar): in the web
 * chat page, "quero agendar uma visita amanhã de manhã" gets numbered morning slots, "1" books the first, and the bot
 * confirms it with the time and the place; the booking is in the admin API. The sandbox calendar is closed at
 * weekends, so when tomorrow is Saturday or Sunday the visitor asks for Monday morning instead.
 */
class DemoBookingIT {
  private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

  private static List<String> botLines(WebDriver visitor) {
    return visitor.findElements(By.cssSelector("#log .msg.bot")).stream().map(WebElement::getText).toList();
  }

  private static void say(Browser visitor, String text) {
    visitor.find("#text").sendKeys(text);
    visitor.find("#form button").click();
  }

  @Test
  void aWebChatVisitorBooksAMorningVisitAndIsToldWhenAndWhere() {
    DayOfWeek tomorrow = LocalDate.now(ZONE).plusDays(1).getDayOfWeek();
    boolean weekend = tomorrow == DayOfWeek.SATURDAY || tomorrow == DayOfWeek.SUNDAY;
    try (TestEngine t = TestEngine.shipped(); Browser visitor = new Browser()) {
      visitor.open("http://127.0.0.1:" + t.port + "/");
      visitor.until(d -> d.findElement(By.id("log")).getText().contains("conectado"));

      say(visitor, weekend ? "quero agendar uma visita segunda de manhã" : "quero agendar uma visita amanhã de manhã");
      visitor.until(d -> botLines(d).stream().anyMatch(l -> l.contains("1) 08:00")));
      String offer = botLines(visitor.driver).get(botLines(visitor.driver).size() - 1);
      assertThat(offer).as("the day and period the visitor gave are used, not asked again")
          .contains("1) 08:00", "2) 08:30", "3) 09:00").doesNotContain("Qual dia");

      say(visitor, "1");
      visitor.until(d -> botLines(d).stream().anyMatch(l -> l.contains("Rua Vergueiro")));
      String confirmation = botLines(visitor.driver).get(botLines(visitor.driver).size() - 1);
      assertThat(confirmation).contains("08:00", "Rua Vergueiro, 1200");
      visitor.screenshot(Path.of("target/console-screenshots/demo-booking.png"));

      JsonArray bookings = Await.of(t.adminGet("/admin/v1/bookings?tenant=demo")).bodyAsJsonObject()
          .getJsonArray("items");
      assertThat(bookings).hasSize(1);
      JsonObject booking = bookings.getJsonObject(0);
      assertThat(booking.getString("status")).isEqualTo("CONFIRMED");
      assertThat(booking.getString("start")).as("08:00 in São Paulo is 11:00 UTC").endsWith("T11:00:00Z");
    }
  }
}
