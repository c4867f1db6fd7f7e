package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgContactSource.keys;

import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.privacy.BookingRecords;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.Erasure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bookings}, {@code booking_reminders}, {@code booking_dialogues}: the contact's appointments, found by its
 * contact id or conversation key. Bookings are kept for the counts in {@link BookingRecords#erased} form (no name,
 * uid, command or error; the conversation's anonymous key; a fresh id); their reminders and the dialogue rows (whose
 * event key embeds the customer's message id) are deleted.
 */
final class PgBookingRows implements PgContactSource {
  /** $1 tenant, $2 contact ids, $3 conversation keys. */
  static final String MATCH = "tenant_id = $1 AND (contact_id = ANY($2::text[]) OR conversation_key = ANY($3::text[]))";
  /**
   * The calendar commands (create, move, cancel) of the contact's bookings: they are keyed by the calendar
   * integration, not a channel, so only their recipient (the booking id) ties a move or a cancel to the contact.
   */
  static final String CALENDAR_COMMANDS = "SELECT id FROM outbox WHERE tenant_id = $1 AND command->>'sender' IN "
      + "('calcom', 'calendar') AND command->>'recipient' IN (SELECT id FROM bookings WHERE " + MATCH + ")";
  private static final String UPDATE = "UPDATE bookings SET id = $2, conversation_key = $3, contact_id = $4, "
      + "provider_uid = NULL, command_id = NULL, attendee_name = NULL, last_error = NULL WHERE id = $1";

  static Tuple matchArgs(ContactSubject subject) {
    return Tuple.from(new Object[] {subject.ref().tenantId(),
        BookingRecords.contactIds(subject).toArray(new String[0]), keys(subject.candidateKeys())});
  }

  @Override
  public Future<JsonObject> export(SqlClient tx, ContactSubject subject) {
    return tx.preparedQuery("SELECT " + PgBookingStore.COLUMNS + ", (SELECT coalesce(json_agg(json_build_object("
            + "'dueAt', r.due_at, 'sent', r.sent) ORDER BY r.due_at), '[]')::text FROM booking_reminders r "
            + "WHERE r.booking_id = bookings.id) AS reminders FROM bookings WHERE " + MATCH + " ORDER BY start_at")
        .execute(matchArgs(subject))
        .compose(rows -> {
          JsonArray list = new JsonArray();
          rows.forEach(r -> list.add(BookingRecords.export(PgBookingStore.booking(r))
              .put("reminders", new JsonArray(r.getString("reminders")))));
          return tx.preparedQuery("SELECT conversation_key, state::text, previous::text, event_key FROM "
                  + "booking_dialogues WHERE " + MATCH + " ORDER BY conversation_key")
              .execute(matchArgs(subject))
              .map(dialogues -> {
                JsonArray talks = new JsonArray();
                dialogues.forEach(r -> talks.add(new JsonObject().put("conversation", r.getString(0))
                    .put("eventKey", r.getString(3)).put("state", json(r.getString(1)))
                    .put("previous", json(r.getString(2)))));
                return new JsonObject().put("bookings", list).put("bookingDialogues", talks);
              });
        });
  }

  @Override
  public Future<Map<String, Integer>> erase(SqlClient tx, ContactSubject subject, Erasure erasure) {
    return tx.preparedQuery("SELECT " + PgBookingStore.COLUMNS + " FROM bookings WHERE " + MATCH + " FOR UPDATE")
        .execute(matchArgs(subject))
        .compose(rows -> {
          List<String> ids = new ArrayList<>();
          List<Tuple> updates = new ArrayList<>();
          for (Row r : rows) {
            Booking b = PgBookingStore.booking(r);
            Booking kept = BookingRecords.erased(b, erasure);
            ids.add(b.id());
            updates.add(Tuple.of(b.id(), kept.id(), kept.key().asString(), kept.key().contactId()));
          }
          if (updates.isEmpty()) {
            return Future.succeededFuture(new int[] {0, 0});
          }
          // Reminders first: they reference the old ids (no ON UPDATE CASCADE), and none may fire for a kept row.
          return tx.preparedQuery("DELETE FROM booking_reminders WHERE booking_id = ANY($1::text[])")
              .execute(Tuple.of(ids.toArray(new String[0])))
              .compose(deleted -> tx.preparedQuery(UPDATE).executeBatch(updates)
                  .map(changed -> new int[] {PgContactSource.count(changed), deleted.rowCount()}));
        })
        .compose(n -> tx.preparedQuery("DELETE FROM booking_dialogues WHERE " + MATCH).execute(matchArgs(subject))
            .map(d -> Map.of("bookings", n[0], "bookingReminders", n[1], "bookingDialogues", d.rowCount())));
  }

  private static JsonObject json(String text) {
    return text == null ? null : new JsonObject(text);
  }
}
