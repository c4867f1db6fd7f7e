package dev.switchboard.store.pg;

import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.event.ConversationKey;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Row ↔ record mapping shared by the PostgreSQL stores. */
final class PgRows {
  static final String CONVERSATION_COLUMNS = "conversation_key, tenant_id, channel_id, contact_id, state, reply_to, "
      + "opted_out, created_at, last_inbound_at, last_activity_at, version, flag";

  private PgRows() {
  }

  static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  static Conversation conversation(Row row) {
    return new Conversation(
        new ConversationKey(row.getString("tenant_id"), row.getString("channel_id"), row.getString("contact_id")),
        ConversationState.valueOf(row.getString("state")), row.getString("reply_to"), row.getBoolean("opted_out"),
        instant(row, "created_at"), instant(row, "last_inbound_at"), instant(row, "last_activity_at"),
        row.getLong("version"), row.getString("flag"));
  }
}
