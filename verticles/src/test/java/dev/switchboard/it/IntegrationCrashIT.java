package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.switchboard.automation.AutomationStores;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.StorageConfig;
import dev.switchboard.engine.automation.IntegrationLogEntry;
import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import dev.switchboard.engine.automation.MailSource;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.store.PgTestDatabase;
import dev.switchboard.store.pg.PgStores;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the engine (its own process, on PostgreSQL) after Trello created the card and before the engine heard
 * so, i.e. before the step's status was committed. After the restart the step is taken up again under the same
 * idempotency key, finds the card it made, and the mail ends INTEGRATED with one card and one alert.
 */
class IntegrationCrashIT {
  private static Vertx vertx;
  private static PgTestDatabase db;
  private static Stores stores;
  private static AutomationStores automation;
  private static GreenMail mail;
  private static GreenMailUser support;
  private static ServiceDeskSimulator desk;
  private static EngineProcess engine;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    db = new PgTestDatabase(vertx);
    stores = Await.of(PgStores.create(vertx, db.config()));
    automation = Await.of(AutomationStores.open(vertx, new StorageConfig(StorageConfig.Mode.POSTGRES, 0, 0,
        db.config(), null)));
    int imap = TestEngine.freePort();
    mail = new GreenMail(new ServerSetup[] {new ServerSetup(imap, "127.0.0.1", "imap"),
        new ServerSetup(TestEngine.freePort(), "127.0.0.1", "smtp")});
    mail.start();
    support = mail.setUser("suporte@assistec.com.br", "suporte@assistec.com.br", "imap-secret");
    desk = new ServiceDeskSimulator().start();
    Map<String, String> env = Map.of("PORT", String.valueOf(TestEngine.freePort()), "STORAGE", "postgres",
        "PG_URL", db.config().url(), "PROVIDER_URL", desk.url(), "IMAP_PORT", String.valueOf(imap),
        "IMAP_PASSWORD", "imap-secret", "REQUEST_TIMEOUT_MS", "2000");
    String yaml = ConfigLoader.substitute(Files.readString(Path.of("src/test/resources/automations-test.yaml")),
        env::get);
    Path dir = Files.createDirectories(Path.of("target/crash-test"));
    Path config = dir.resolve("automations-" + db.schema() + ".yaml");
    Files.writeString(config, yaml);
    engine = new EngineProcess(config, dir.resolve("automations-" + db.schema() + ".log"));
  }

  @AfterAll
  static void stop() throws Exception {
    engine.close();
    desk.close();
    mail.stop();
    Await.of(automation.close());
    Await.of(stores.close());
    db.close();
    Await.of(vertx.close());
  }

  private static IntegrationRecord record(String id) {
    return Await.of(automation.integrations().get(id));
  }

  @Test
  void aKillBetweenTheTrelloCallAndTheStatusCommitLeavesOneCardAndEndsIntegrated() throws Exception {
    desk.holdNextAnswer();
    MimeMessage m = MailFixtures.fixture("02_alternative_gmail.eml");
    String id = MailSource.recordId("assistec", "assistec-inbox", "CAF0002@mail.gmail.com");
    engine.start();
    support.deliver(m);
    assertThat(Await.until(() -> desk.cards().size() == 1, 60_000)).as("Trello created the card").isTrue();
    engine.kill();

    IntegrationRecord atKill = record(id);
    assertThat(atKill.status()).isEqualTo(IntegrationStatus.PENDING);
    assertThat(atKill.step()).isEqualTo(1);
    assertThat(Await.of(stores.outbox().get(atKill.waitingOn())).status()).isEqualTo(CommandStatus.SENDING);

    engine.start();
    assertThat(Await.until(() -> record(id).status() == IntegrationStatus.INTEGRATED, 60_000))
        .as("INTEGRATED after the restart; last seen %s", record(id)).isTrue();
    List<JsonObject> cards = desk.cards();
    assertThat(cards).hasSize(1);
    assertThat(desk.calls("POST", "/1/cards")).hasSize(1);
    assertThat(desk.calls("GET", "/1/lists/64a1b2c3d4e5f60718293a4b/cards")).hasSize(1);
    IntegrationLogEntry trello = record(id).log().stream().filter(e -> e.stepType().equals("trello.card"))
        .findFirst().orElseThrow();
    assertThat(trello.outcome()).isEqualTo("ok");
    assertThat(trello.externalId()).isEqualTo(cards.get(0).getString("id"));
    assertThat(trello.attempt()).isEqualTo(2);
    assertThat(desk.telegramMessages()).hasSize(1);
    assertThat(desk.telegramMessages().get(0).getString("text")).contains("Geladeira parou de gelar");
  }
}
