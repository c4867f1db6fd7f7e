package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.switchboard.engine.automation.MailSource;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mailbox with {@code idle: true} and a ten-minute poll interval: new mail is read when GreenMail's IMAP server
 * announces it over IDLE, long before the next poll would have come.
 */
class MailboxIdleIT {
  static GreenMail mail;
  static GreenMailUser support;
  static ServiceDeskSimulator desk;
  static TestEngine engine;
  static TestLog log;

  @BeforeAll
  static void start() {
    log = TestLog.mark();
    int imap = TestEngine.freePort();
    mail = new GreenMail(new ServerSetup(imap, "127.0.0.1", "imap"));
    mail.start();
    support = mail.setUser("suporte@assistec.com.br", "suporte@assistec.com.br", "imap-secret");
    desk = new ServiceDeskSimulator().start();
    engine = TestEngine.withConfig(Path.of("src/test/resources/automations-test.yaml"), Map.of(
        "PROVIDER_URL", desk.url(), "IMAP_PORT", String.valueOf(imap), "IMAP_PASSWORD", "imap-secret",
        "POLL_MS", "600000", "LEASE_MS", "1800000", "IDLE", "true"));
  }

  @AfterAll
  static void stop() {
    engine.close();
    desk.close();
    mail.stop();
  }

  private static String log() {
    return log.since();
  }

  private static boolean carded(String subject) {
    return desk.cards().stream().anyMatch(c -> c.getString("name").startsWith(subject));
  }

  @Test
  void newMailIsReadWhenTheServerAnnouncesItNotAtTheNextPoll() {
    assertThat(Await.until(() -> log().contains("mailbox assistec-inbox IDLE started"), 20_000)).isTrue();
    support.deliver(MailFixtures.mail("<idle-0001@gmail.com>", "Renata Lima <renata.lima@gmail.com>",
        "Purificador de água vazando", "O purificador Europa está vazando. Telefone 11 99888-7766."));
    assertThat(Await.until(() -> carded("Purificador de água vazando"), 30_000)).isTrue();
    // The polls at start and when the IDLE began are over by now (the first mail may have come with one of them);
    // the next scheduled poll is ten minutes away, so only the server's announcement can bring the second mail in.
    support.deliver(MailFixtures.mail("<idle-0002@gmail.com>", "Renata Lima <renata.lima@gmail.com>",
        "Filtro do purificador", "Preciso trocar o filtro também. Telefone 11 99888-7766."));
    assertThat(Await.until(() -> carded("Filtro do purificador"), 30_000)).isTrue();
    String id = MailSource.recordId("assistec", "assistec-inbox", "idle-0002@gmail.com");
    assertThat(Await.until(() -> "INTEGRATED".equals(Await.of(engine.adminGet("/admin/v1/integrations/" + id))
        .bodyAsJsonObject().getString("status")), 20_000)).isTrue();
  }
}
