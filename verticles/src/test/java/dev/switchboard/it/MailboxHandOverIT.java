package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.switchboard.automation.AutomationStores;
import dev.switchboard.config.StorageConfig;
import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import dev.switchboard.engine.store.IntegrationStore;
import dev.switchboard.engine.store.MailboxStore;
import dev.switchboard.store.PgTestDatabase;
import dev.switchboard.store.pg.PgStores;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two engines on one PostgreSQL database and one mailbox: only the node holding the mailbox's lease reads it, and
 * when that node stops the other one takes the mailbox over and reads on from where the first left off (no mail
 * read twice into a second record, none skipped).
 */
class MailboxHandOverIT {
  private static final Pattern READ = Pattern.compile("mailbox assistec-inbox read (\\d+) message\\(s\\), (\\d+) new, "
      + "up to uid \\d+ node=([0-9a-f-]+)");
  private static Vertx vertx;
  private static PgTestDatabase db;
  private static AutomationStores automation;
  private static GreenMail mail;
  private static GreenMailUser support;
  private static ServiceDeskSimulator desk;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    db = new PgTestDatabase(vertx);
    Await.of(PgStores.create(vertx, db.config()).compose(s -> s.close()));
    automation = Await.of(AutomationStores.open(vertx, new StorageConfig(StorageConfig.Mode.POSTGRES, 0, 0,
        db.config(), null)));
    int imap = TestEngine.freePort();
    mail = new GreenMail(new ServerSetup(imap, "127.0.0.1", "imap"));
    mail.start();
    support = mail.setUser("suporte@assistec.com.br", "suporte@assistec.com.br", "imap-secret");
    desk = new ServiceDeskSimulator().start();
    placeholders = Map.of("STORAGE", "postgres", "PG_URL", db.config().url(), "PROVIDER_URL", desk.url(),
        "IMAP_PORT", String.valueOf(imap), "IMAP_PASSWORD", "imap-secret", "POLL_MS", "100", "LEASE_MS", "1500");
  }

  private static Map<String, String> placeholders;

  @AfterAll
  static void stop() {
    desk.close();
    mail.stop();
    Await.of(automation.close());
    db.close();
    Await.of(vertx.close());
  }

  private static TestEngine engine() {
    return TestEngine.withConfig(Path.of("src/test/resources/automations-test.yaml"), placeholders);
  }

  private static String owner() {
    MailboxStore.State state = Await.of(automation.mailboxes().get("assistec-inbox"));
    return state == null ? null : state.owner();
  }

  private static List<IntegrationRecord> records() {
    return Await.of(automation.integrations().list(new IntegrationStore.Query("assistec", null, null, null, 100)));
  }

  /** Where this test's lines start in the log other tests of this JVM also write to. */
  private static TestLog log;

  /** Node → new mails it read, from the engines' shared log (both run in this JVM). */
  private static Map<String, Integer> readsByNode() {
    Map<String, Integer> reads = new HashMap<>();
    Matcher m = READ.matcher(log.since());
    while (m.find()) {
      reads.merge(m.group(3), Integer.parseInt(m.group(2)), Integer::sum);
    }
    return reads;
  }

  @Test
  void oneOfTwoEnginesPollsTheMailboxAndTheOtherTakesOverWhenItStops() throws Exception {
    log = TestLog.mark();
    TestEngine first = engine();
    TestEngine second = null;
    try {
      assertThat(Await.until(() -> owner() != null, 10_000)).isTrue();
      // The first engine holds the mailbox before the second one starts, so the test knows which is which.
      String holder = owner();
      second = engine();
      for (int i = 1; i <= 3; i++) {
        support.deliver(MailFixtures.mail("<handover-" + i + "@gmail.com>", "Cliente " + i + " <c" + i + "@gmail.com>",
            "Chamado " + i, "Ar-condicionado com defeito. Telefone 11 98000-000" + i + "."));
      }
      assertThat(Await.until(() -> records().size() == 3
          && records().stream().allMatch(r -> r.status() == IntegrationStatus.INTEGRATED), 30_000)).isTrue();
      // Both engines tried every 100 ms meanwhile: the lease never moved, and one node read all the mail.
      assertThat(owner()).isEqualTo(holder);
      assertThat(readsByNode()).containsOnlyKeys(holder).containsEntry(holder, 3);

      first.close();
      first = null;
      assertThat(Await.until(() -> owner() != null && !holder.equals(owner()), 10_000))
          .as("the second engine takes the mailbox over").isTrue();
      String next = owner();
      for (int i = 4; i <= 5; i++) {
        support.deliver(MailFixtures.mail("<handover-" + i + "@gmail.com>", "Cliente " + i + " <c" + i
            + "@gmail.com>", "Chamado " + i, "Geladeira sem gelar. Telefone 11 98000-000" + i + "."));
      }
      assertThat(Await.until(() -> records().size() == 5
          && records().stream().allMatch(r -> r.status() == IntegrationStatus.INTEGRATED), 30_000)).isTrue();
      // It read on from the first node's last UID: the three earlier mails were not read again.
      assertThat(readsByNode()).containsOnlyKeys(holder, next).containsEntry(holder, 3).containsEntry(next, 2);
      assertThat(desk.cards()).hasSize(5);
      assertThat(desk.telegramMessages()).hasSize(5);
    } finally {
      if (first != null) {
        first.close();
      }
      if (second != null) {
        second.close();
      }
    }
  }
}
