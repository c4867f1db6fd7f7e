package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.store.PgTestDatabase;
import dev.switchboard.store.RedisTestSupport;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * LGPD and appointments on PostgreSQL and Redis: a customer books a visit through the WhatsApp dialogue on the sandbox
 * calendar; the export holds the booking and the dialogue; the erase is refused while the visit is upcoming (the
 * calendar would keep it with no way left to cancel it), goes through once the customer cancelled it in the chat,
 * and then no table and no Redis key holds the number, the name, the message id or the words — while the booking is
 * still counted, anonymous. In memory the same rule holds, and once the slot has passed the erase goes through.
 */
class BookingPrivacyIT {
  private static final String PHONE = "5511955501234";
  private static final String NAME = "Rosalinda Quaresma";
  private static final String WORDS = "quero agendar uma visita amanhã de manhã";
  /** A real WhatsApp message id carries the number in base64. */
  private static final String B64 = Base64.getEncoder().encodeToString(PHONE.getBytes(StandardCharsets.US_ASCII))
      .replace("=", "");
  private static final List<String> NEEDLES = List.of(PHONE, NAME, B64, WORDS);

  @Test
  void aBookedContactIsExportedErasedOnceNothingIsUpcomingAndLeavesNoTrace() {
    Vertx vertx = Vertx.vertx();
    PgTestDatabase db = new PgTestDatabase(vertx);
    MutableClock clock = new MutableClock(BookingDialogueIT.MONDAY_9);
    String url = db.config().url();
    PersonalDataScan.redisForgetLeftovers(vertx, RedisTestSupport.URL, NEEDLES);
    try (TestEngine t = new TestEngine(Map.of("STORAGE", "postgres", "PG_URL", url, "REDIS_URL", RedisTestSupport.URL,
        "REDIS_PREFIX", "test:" + UUID.randomUUID() + ":"), clock)) {
      PrivacyScenario s = new PrivacyScenario(t, clock);
      say(t, WORDS, 1);
      say(t, "1", 2);
      Await.until(() -> BookingDialogueIT.replies(t, PHONE).size() >= 3, 10_000);
      ConversationKey key = new ConversationKey("dental", "wa-dental", "+" + PHONE);
      Booking booked = Await.of(t.engine.stores().bookings().forConversation(key)).get(0);
      assertThat(booked.status()).isEqualTo(BookingStatus.CONFIRMED);
      assertThat(booked.attendeeName()).isEqualTo(NAME);
      assertThat(PersonalDataScan.postgres(vertx, url, db.schema(), NEEDLES))
          .anyMatch(h -> h.startsWith("bookings:")).anyMatch(h -> h.startsWith("booking_dialogues:"));

      JsonObject export = s.export("dental", "+" + PHONE).bodyAsJsonObject();
      JsonArray bookings = export.getJsonArray("bookings");
      assertThat(bookings).hasSize(1);
      assertThat(bookings.getJsonObject(0).getString("attendeeName")).isEqualTo(NAME);
      assertThat(bookings.getJsonObject(0).getString("status")).isEqualTo("CONFIRMED");
      assertThat(bookings.getJsonObject(0).getJsonArray("reminders")).as("the day-before one is past").hasSize(1);
      assertThat(export.getJsonArray("bookingDialogues")).hasSize(1);
      assertThat(export.getJsonArray("outbox").stream().map(c -> ((JsonObject) c).getString("sender")))
          .as("the calendar call").contains("calendar");

      var refused = s.erase("dental", PHONE);
      assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(409);
      assertThat(refused.bodyAsString()).contains("upcoming booking", booked.id()).doesNotContain(PHONE);
      assertThat(Await.of(t.engine.stores().bookings().get(booked.id())).attendeeName()).isEqualTo(NAME);

      say(t, "quero cancelar a visita", 4);
      say(t, "sim", 5);
      Await.until(() -> Await.of(t.engine.stores().bookings().get(booked.id())).status() == BookingStatus.CANCELLED,
          10_000);

      JsonObject erased = s.erase("dental", PHONE).bodyAsJsonObject();
      assertThat(erased.getString("status")).isEqualTo("erased");
      assertThat(erased.getJsonObject("erased").getInteger("bookings")).isEqualTo(1);
      assertThat(erased.getJsonObject("erased").getInteger("bookingDialogues")).isEqualTo(1);

      assertThat(PersonalDataScan.postgres(vertx, url, db.schema(), NEEDLES)).isEmpty();
      assertThat(PersonalDataScan.redis(vertx, RedisTestSupport.URL, NEEDLES)).isEmpty();
      List<Booking> kept = Await.of(t.engine.stores().bookings().list("dental", 10));
      assertThat(kept).as("still counted, anonymous").singleElement().satisfies(b -> {
        assertThat(b.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(b.start()).isEqualTo(booked.start());
        assertThat(b.key().contactId()).startsWith(Erasure.ID_PREFIX);
        assertThat(b.attendeeName()).isNull();
      });
      String listed = s.call(HttpMethod.GET, "/admin/v1/bookings?tenant=dental", null).bodyAsString();
      assertThat(NEEDLES).noneMatch(listed::contains);
      assertThat(s.erase("dental", PHONE).bodyAsJsonObject().getString("status")).isEqualTo("nothing-held");
    } finally {
      db.close();
      Await.of(vertx.close());
    }
  }

  @Test
  void inMemoryTheSameRuleHoldsAndTheBookingIsKeptAnonymous() {
    MutableClock clock = new MutableClock(BookingDialogueIT.MONDAY_9);
    try (TestEngine t = new TestEngine(Map.of(), clock)) {
      PrivacyScenario s = new PrivacyScenario(t, clock);
      say(t, WORDS, 1);
      say(t, "1", 2);
      Await.until(() -> BookingDialogueIT.replies(t, PHONE).size() >= 3, 10_000);
      ConversationKey key = new ConversationKey("dental", "wa-dental", "+" + PHONE);
      Booking booked = Await.of(t.engine.stores().bookings().forConversation(key)).get(0);
      assertThat(s.export("dental", PHONE).bodyAsJsonObject().getJsonArray("bookings").encode()).contains(NAME);
      assertThat(s.erase("dental", PHONE).statusCode()).isEqualTo(409);

      // The slot passes (no cancel this time): the erase goes through and the booking still counts as held.
      clock.advance(Duration.between(clock.instant(), booked.end().plusSeconds(60)));
      Await.until(() -> BookingDialogueIT.replies(t, PHONE).size() >= 4, 10_000);
      assertThat(BookingDialogueIT.replies(t, PHONE).get(3)).as("the reminder went first").startsWith("Lembrete");
      JsonObject erased = s.erase("dental", PHONE).bodyAsJsonObject();
      assertThat(erased.getJsonObject("erased").getInteger("bookings")).isEqualTo(1);
      assertThat(Await.of(t.engine.stores().bookings().dialogue(key))).isNull();
      List<Booking> kept = Await.of(t.engine.stores().bookings().list("dental", 10));
      assertThat(kept).singleElement().satisfies(b -> {
        assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(b.key().contactId()).startsWith(Erasure.ID_PREFIX);
      });
      assertThat(NEEDLES).noneMatch(kept.toString()::contains);
      for (CommandStatus status : CommandStatus.values()) {
        assertThat(Await.of(t.engine.stores().outbox().list("dental", status, 100)).toString())
            .doesNotContain(PHONE, NAME);
      }
    }
  }

  /** The customer (with a profile name and a real-shaped message id) says {@code text}; waits for reply {@code n}. */
  private static void say(TestEngine t, String text, int n) {
    String id = "wamid.HBgN" + B64 + "FQIAEhgg" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    JsonObject value = new JsonObject().put("messaging_product", "whatsapp")
        .put("metadata", new JsonObject().put("display_phone_number", "551130405060")
            .put("phone_number_id", "209715200088888"))
        .put("contacts", new JsonArray().add(new JsonObject().put("profile", new JsonObject().put("name", NAME))
            .put("wa_id", PHONE)))
        .put("messages", new JsonArray().add(WhatsAppPayloads.message(PHONE, id, text)));
    assertThat(Await.of(t.postMeta("wa-dental", WhatsAppPayloads.envelope(value))).statusCode()).isEqualTo(200);
    Await.until(() -> BookingDialogueIT.replies(t, PHONE).size() >= n, 10_000);
  }
}
