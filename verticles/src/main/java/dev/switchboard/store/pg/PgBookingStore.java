package dev.switchboard.store.pg;

import static dev.switchboard.store.pg.PgRows.ts;

import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingDialogue;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.booking.Reminder;
import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.store.BookingStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Bookings, reminders and booking dialogues in PostgreSQL (V12__bookings.sql). */
public final class PgBookingStore implements BookingStore {
  static final String COLUMNS = "id, tenant_id, channel_id, contact_id, provider, provider_uid, start_at, "
      + "end_at, status, command_id, attendee_name, last_error, created_at, updated_at";
  private static final String CLAIM = "WITH due AS (SELECT id FROM booking_reminders WHERE NOT sent AND due_at <= $1 "
      + "AND (claimed_at IS NULL OR claimed_at < $2) ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED) "
      + "UPDATE booking_reminders r SET claimed_at = $1 FROM due WHERE r.id = due.id "
      + "RETURNING r.id, r.booking_id, r.tenant_id, r.due_at, r.minutes_before";
  private final Pool pool;

  public PgBookingStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<DialogueRow> dialogue(ConversationKey key) {
    return pool.preparedQuery("SELECT state::text, previous::text, event_key FROM booking_dialogues "
            + "WHERE conversation_key = $1").execute(Tuple.of(key.asString()))
        .map(rows -> {
          if (rows.size() == 0) {
            return null;
          }
          Row r = rows.iterator().next();
          return new DialogueRow(read(r.getString(0)), read(r.getString(1)), r.getString(2));
        });
  }

  /** As a JSON object: a String parameter would be stored as a JSON string. */
  private static JsonObject json(BookingDialogue d) {
    return d == null ? null : new JsonObject(Json.write(d));
  }

  private static BookingDialogue read(String json) {
    return json == null ? null : Json.read(json, BookingDialogue.class);
  }

  @Override
  public Future<Void> saveDialogue(ConversationKey key, BookingDialogue state, BookingDialogue previous,
                                   String eventKey) {
    return pool.preparedQuery("INSERT INTO booking_dialogues (conversation_key, tenant_id, contact_id, state, "
            + "previous, event_key, stage, updated_at) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8) "
            + "ON CONFLICT (conversation_key) DO UPDATE SET state = EXCLUDED.state, previous = EXCLUDED.previous, "
            + "event_key = EXCLUDED.event_key, stage = EXCLUDED.stage, updated_at = EXCLUDED.updated_at")
        .execute(Tuple.from(new Object[] {key.asString(), key.tenantId(), key.contactId(),
            json(state), json(previous), eventKey,
            state == null ? null : state.stage().name(), state == null ? null : ts(state.updatedAt())}))
        .mapEmpty();
  }

  @Override
  public Future<List<ConversationKey>> idleDialogues(Instant updatedBefore, int limit) {
    return pool.preparedQuery("SELECT conversation_key FROM booking_dialogues WHERE stage IS NOT NULL "
            + "AND stage <> 'BOOKING' AND updated_at < $1 ORDER BY updated_at LIMIT $2")
        .execute(Tuple.of(ts(updatedBefore), limit))
        .map(rows -> {
          List<ConversationKey> keys = new ArrayList<>();
          rows.forEach(r -> keys.add(ConversationKey.parse(r.getString(0))));
          return keys;
        });
  }

  @Override
  public Future<Boolean> insert(Booking b) {
    return pool.preparedQuery("INSERT INTO bookings (" + COLUMNS + ", conversation_key) VALUES ($1, $2, $3, $4, $5, "
            + "$6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (id) DO NOTHING")
        .execute(Tuple.from(new Object[] {b.id(), b.key().tenantId(), b.key().channelId(), b.key().contactId(),
            b.provider(), b.providerUid(), ts(b.start()), ts(b.end()), b.status().name(), b.commandId(),
            b.attendeeName(), b.lastError(), ts(b.createdAt()), ts(b.updatedAt()), b.key().asString()}))
        .map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Boolean> update(Booking b, BookingStatus expected) {
    return pool.preparedQuery("UPDATE bookings SET provider_uid = $2, start_at = $3, end_at = $4, status = $5, "
            + "command_id = $6, last_error = $7, updated_at = $8 WHERE id = $1 AND status = $9")
        .execute(Tuple.from(new Object[] {b.id(), b.providerUid(), ts(b.start()), ts(b.end()), b.status().name(),
            b.commandId(), b.lastError(), ts(b.updatedAt()), expected.name()}))
        .map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Booking> get(String id) {
    return one("id = $1", Tuple.of(id));
  }

  @Override
  public Future<Booking> byCommand(String commandId) {
    return one("command_id = $1", Tuple.of(commandId));
  }

  @Override
  public Future<Booking> byProviderUid(String tenantId, String providerUid) {
    return one("tenant_id = $1 AND provider_uid = $2", Tuple.of(tenantId, providerUid));
  }

  private Future<Booking> one(String where, Tuple args) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM bookings WHERE " + where + " LIMIT 1").execute(args)
        .map(rows -> rows.size() == 0 ? null : booking(rows.iterator().next()));
  }

  @Override
  public Future<List<Booking>> forConversation(ConversationKey key) {
    return many("conversation_key = $1 ORDER BY start_at", Tuple.of(key.asString()));
  }

  @Override
  public Future<List<Booking>> list(String tenantId, int limit) {
    return many("tenant_id = $1 ORDER BY start_at DESC LIMIT $2", Tuple.of(tenantId, limit));
  }

  @Override
  public Future<List<Booking>> inStatus(BookingStatus status, Instant before, int limit) {
    return many("status = $1 AND updated_at < $2 ORDER BY updated_at LIMIT $3",
        Tuple.of(status.name(), ts(before), limit));
  }

  private Future<List<Booking>> many(String where, Tuple args) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM bookings WHERE " + where).execute(args)
        .map(rows -> {
          List<Booking> list = new ArrayList<>();
          rows.forEach(r -> list.add(booking(r)));
          return list;
        });
  }

  static Booking booking(Row r) {
    return new Booking(r.getString("id"), new ConversationKey(r.getString("tenant_id"), r.getString("channel_id"),
        r.getString("contact_id")), r.getString("provider"), r.getString("provider_uid"),
        PgRows.instant(r, "start_at"), PgRows.instant(r, "end_at"), BookingStatus.valueOf(r.getString("status")),
        r.getString("command_id"), r.getString("attendee_name"), r.getString("last_error"),
        PgRows.instant(r, "created_at"), PgRows.instant(r, "updated_at"));
  }

  @Override
  public Future<Void> addReminders(List<Reminder> reminders) {
    if (reminders.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery("INSERT INTO booking_reminders (id, booking_id, tenant_id, due_at, minutes_before) "
            + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING")
        .executeBatch(reminders.stream().map(r -> Tuple.of(r.id(), r.bookingId(), r.tenantId(), ts(r.dueAt()),
            r.minutesBefore())).toList())
        .mapEmpty();
  }

  @Override
  public Future<Void> cancelReminders(String bookingId) {
    return pool.preparedQuery("DELETE FROM booking_reminders WHERE booking_id = $1 AND NOT sent")
        .execute(Tuple.of(bookingId)).mapEmpty();
  }

  @Override
  public Future<List<Reminder>> claimDueReminders(Instant now, Instant reclaimBefore, int limit) {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(ts(now), ts(reclaimBefore), limit))
        .map(PgBookingStore::reminders);
  }

  @Override
  public Future<Void> reminderSent(String reminderId) {
    return pool.preparedQuery("UPDATE booking_reminders SET sent = true WHERE id = $1").execute(Tuple.of(reminderId))
        .mapEmpty();
  }

  @Override
  public Future<List<Reminder>> pendingReminders(String bookingId) {
    return pool.preparedQuery("SELECT id, booking_id, tenant_id, due_at, minutes_before FROM booking_reminders "
            + "WHERE booking_id = $1 AND NOT sent ORDER BY due_at").execute(Tuple.of(bookingId))
        .map(PgBookingStore::reminders);
  }

  private static List<Reminder> reminders(RowSet<Row> rows) {
    List<Reminder> list = new ArrayList<>();
    for (Row r : rows) {
      list.add(new Reminder(r.getString(0), r.getString(1), r.getString(2), r.getOffsetDateTime(3).toInstant(),
          r.getInteger(4)));
    }
    return list;
  }
}
