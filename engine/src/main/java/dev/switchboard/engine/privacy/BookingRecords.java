package dev.switchboard.engine.privacy;

import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.event.ConversationKey;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Bookings in a data-subject request, whichever store holds them: which belong to the contact, how one is exported,
 * and the anonymised form an erase keeps. Kept: times, status (NO_SHOW, COMPLETED and the rest: what the counts read),
 * provider and channel. Gone: the attendee's name, the conversation key, the provider's uid (it finds the provider's
 * record, which holds name and phone), the last command id (it embeds the customer message id) and the last error.
 * The id is replaced too: it is derived from the customer's message.
 */
public final class BookingRecords {
  /** Ids of kept bookings start with this. */
  public static final String ERASED_ID_PREFIX = "bk_erased_";

  private BookingRecords() {
  }

  /** Whether a booking (or a dialogue, by its key) is the contact's: by its contact id or its conversation key. */
  public static boolean belongs(ConversationKey key, ContactSubject subject) {
    return key.tenantId().equals(subject.ref().tenantId())
        && (subject.addresses().contains(key.contactId()) || subject.candidateKeys().contains(key));
  }

  /** The contact ids a booking of the contact may be stored under. */
  public static Set<String> contactIds(ContactSubject subject) {
    return subject.addresses();
  }

  public static JsonObject export(Booking b) {
    return new JsonObject().put("id", b.id()).put("conversation", b.key().asString()).put("channel", b.key().channelId())
        .put("contact", b.key().contactId()).put("provider", b.provider()).put("providerUid", b.providerUid())
        .put("start", text(b.start())).put("end", text(b.end())).put("status", b.status().name())
        .put("attendeeName", b.attendeeName()).put("lastError", b.lastError()).put("createdAt", text(b.createdAt()))
        .put("updatedAt", text(b.updatedAt()));
  }

  /** The kept form: the conversation's anonymous key (the same the conversation erase uses) and a fresh id. */
  public static Booking erased(Booking b, Erasure erasure) {
    return new Booking(newId(), erasure.anonymous(b.key()), b.provider(), null, b.start(), b.end(), b.status(), null,
        null, null, b.createdAt(), b.updatedAt());
  }

  public static String newId() {
    return ERASED_ID_PREFIX + UUID.randomUUID().toString().replace("-", "");
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
