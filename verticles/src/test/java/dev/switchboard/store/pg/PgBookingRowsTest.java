package dev.switchboard.store.pg;

import static dev.switchboard.store.PgTestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.privacy.ContactRef;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.store.PgTestDatabase;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A calendar command is keyed by the calendar integration, not a channel, and a move or a cancel names no address:
 * for a contact whose id is too short to be searched in text (a Telegram chat id), only the booking id it carries
 * ties it to the contact. Real PostgreSQL.
 */
class PgBookingRowsTest {
  private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  private static OutboundCommand cancel(Stores stores, String contact, String event) {
    ConversationKey chat = new ConversationKey("tgb", "tg", contact);
    Booking b = new Booking("bk_" + contact, chat, "calcom", "uid-" + contact, T0.minusSeconds(7200),
        T0.minusSeconds(5400), BookingStatus.COMPLETED, null, "Zé", null, T0, T0);
    await(stores.bookings().insert(b));
    OutboundCommand c = OutboundCommand.pending(OutboundCommand.forEvent("tgb", "cal", event, 0),
        new ConversationKey("tgb", "cal", contact), null, "calcom", b.id(),
        new OutboundPayload.BookingCancel(b.providerUid(), "pelo chat"), T0, "cid");
    await(stores.outbox().addIfAbsent(c));
    return c;
  }

  @Test
  void aShortIdsCalendarCommandsAreFoundByTheirBookingAndErased() {
    Vertx vertx = Vertx.vertx();
    PgTestDatabase db = new PgTestDatabase(vertx);
    try {
      Stores stores = await(PgStores.create(vertx, db.config()));
      OutboundCommand mine = cancel(stores, "4242", "u1");
      OutboundCommand theirs = cancel(stores, "4243", "u2");

      ContactSubject subject = await(stores.contacts().resolve(new ContactRef("tgb", "4242"), Set.of("tg")));
      assertThat(subject.commandIds()).containsExactly(mine.id());
      assertThat(await(stores.contacts().export(subject)).encode()).contains(mine.id(), "uid-4242")
          .doesNotContain(theirs.id());
      Map<String, Integer> counts = await(stores.contacts().erase(subject, Erasure.start(T0)));
      assertThat(counts).containsEntry("outbox", 1).containsEntry("bookings", 1);
      assertThat(await(stores.outbox().get(mine.id()))).isNull();
      assertThat(await(stores.outbox().get(theirs.id()))).isNotNull();
      assertThat(await(stores.bookings().byProviderUid("tgb", "uid-4243"))).isNotNull();
      await(stores.close());
    } finally {
      db.close();
      await(vertx.close());
    }
  }
}
