package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.store.PgTestDatabase;
import dev.switchboard.store.pg.PgStores;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.switchboard.engine.channel.MetaSignature;

/**
 * The engine as its own process on PostgreSQL, killed with SIGKILL twice in one booking: after the offer (the
 * dialogue must survive the restart) and while Cal.com holds a booking it made but never answered (the retry must
 * find it instead of booking again). Exactly one booking, one confirmation.
 */
class BookingCrashIT {
  private static final String FROM = "5511988001122";
  private static final ConversationKey KEY = new ConversationKey("dental", "wa-dental", "+" + FROM);
  private static Vertx vertx;
  private static PgTestDatabase db;
  private static Stores stores;
  private static CalcomSimulator cal;
  private static EngineProcess engine;
  private static WebClient client;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    db = new PgTestDatabase(vertx);
    stores = Await.of(PgStores.create(vertx, db.config()));
    cal = new CalcomSimulator().start();
    port = TestEngine.freePort();
    Map<String, String> env = Map.of("PORT", String.valueOf(port), "STORAGE", "postgres", "PG_URL", db.config().url(),
        "DEBOUNCE_MS", "0", "DENTAL_CALENDAR", "calcom", "CALCOM_URL", cal.url(), "REQUEST_TIMEOUT_MS", "2000");
    String yaml = ConfigLoader.substitute(Files.readString(Path.of("src/test/resources/switchboard-test.yaml")),
        env::get);
    Path dir = Files.createDirectories(Path.of("target/booking-crash-test"));
    Path config = dir.resolve("engine.yaml");
    Files.writeString(config, yaml);
    engine = new EngineProcess(config, dir.resolve("engine-" + db.schema() + ".log"));
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    engine.close();
    client.close();
    cal.close();
    stores.close();
    db.close();
    Await.of(vertx.close());
  }

  private static boolean ready() {
    try {
      return Await.of(client.get(port, "127.0.0.1", "/ready").send()).statusCode() == 200;
    } catch (AssertionError | RuntimeException notYet) {
      return false;
    }
  }

  private static void startEngine() {
    engine.start();
    assertThat(Await.until(BookingCrashIT::ready, 60_000)).as("engine ready").isTrue();
  }

  private static void say(String id, String text) {
    byte[] body = WhatsAppPayloads.text(FROM, id, text);
    var res = Await.of(client.post(port, "127.0.0.1", "/webhooks/wa-dental")
        .putHeader("Content-Type", "application/json")
        .putHeader("X-Hub-Signature-256", MetaSignature.sign(TestEngine.APP_SECRET, body))
        .sendBuffer(Buffer.buffer(body)));
    assertThat(res.statusCode()).isEqualTo(200);
  }

  private static List<String> botSaid() {
    return Await.of(stores.conversations().messages(KEY, 100)).stream()
        .filter(t -> t.direction() == Direction.OUTBOUND).map(Turn::text).toList();
  }

  @Test
  void killedAfterTheOfferAndAgainDuringTheBookingBooksExactlyOnce() throws Exception {
    startEngine();
    // The engine runs on the real clock: a Tuesday a week or more ahead, written as dd/MM.
    LocalDate day = LocalDate.now(BookingDialogueIT.SP).plusDays(7).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
    String ddMM = day.format(DateTimeFormatter.ofPattern("dd/MM"));
    say("wamid.crash.1", "quero agendar em " + ddMM + " às 10h");
    assertThat(Await.until(() -> botSaid().size() >= 1, 20_000)).isTrue();
    assertThat(botSaid().get(0)).contains("2) 10:00");
    engine.kill();

    startEngine();
    cal.stallAfterBooking = true;
    // The dialogue came back from PostgreSQL: "2" is the second slot offered before the crash.
    say("wamid.crash.2", "2");
    assertThat(Await.until(() -> cal.accepted().size() == 1, 20_000)).as("Cal.com booked").isTrue();
    engine.kill();
    assertThat(Await.of(stores.bookings().forConversation(KEY))).extracting(Booking::status)
        .containsExactly(BookingStatus.REQUESTED);

    cal.stallAfterBooking = false;
    startEngine();
    assertThat(Await.until(() -> botSaid().stream().anyMatch(s -> s.startsWith("Agendado!")), 30_000))
        .as("confirmed after the restart").isTrue();
    assertThat(cal.accepted()).hasSize(1);
    assertThat(cal.bookingCalls.get()).as("the retry looked the booking up instead of posting again").isEqualTo(1);
    Booking b = Await.of(stores.bookings().forConversation(KEY)).get(0);
    assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
    assertThat(b.providerUid()).isEqualTo(cal.accepted().get(0).getString("uid"));
    assertThat(botSaid()).filteredOn(s -> s.startsWith("Agendado!")).hasSize(1)
        .allMatch(s -> s.contains("terça-feira, " + ddMM + " às 10:00"));
    assertThat(Await.of(stores.bookings().pendingReminders(b.id()))).hasSize(2);
  }
}
