package dev.switchboard.store.pg;

import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.event.ConversationKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import java.util.Collection;
import java.util.Map;

/**
 * One group of PostgreSQL tables holding contact data. {@link PgContactData} runs every source's export in one
 * snapshot and every erase in one transaction, so an erase is all done or not done at all. A new table with contact
 * data adds one of these to {@link PgContactData#SOURCES}.
 */
interface PgContactSource {

  Future<JsonObject> export(SqlClient tx, ContactSubject subject);

  Future<Map<String, Integer>> erase(SqlClient tx, ContactSubject subject, Erasure erasure);

  /** The conversation keys as stored. */
  static String[] keys(Collection<ConversationKey> keys) {
    return keys.stream().map(ConversationKey::asString).toArray(String[]::new);
  }

  /**
   * Finding the contact's addresses in a text (a payload as JSON) as whole tokens, as {@link ContactSubject#mentionedIn}
   * does: {@code text LIKE ANY(likes) AND text ~ ANY(patterns)}. The LIKE is only a cheaper first filter (about a
   * third of the regular expressions' time over a 200,000-row outbox); the patterns decide.
   */
  static String[] likes(ContactSubject subject) {
    return subject.searchedAddresses().stream()
        .map(a -> "%" + a.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        .toArray(String[]::new);
  }

  static String[] patterns(ContactSubject subject) {
    return subject.searchedAddresses().stream()
        .map(a -> "(^|[^0-9A-Za-z])" + a.replaceAll("([\\\\^$.|?*+()\\[\\]{}])", "\\\\$1") + "([^0-9A-Za-z]|$)")
        .toArray(String[]::new);
  }

  /** Rows changed by every statement of a batch. */
  static int count(RowSet<?> rows) {
    int n = 0;
    for (RowSet<?> r = rows; r != null; r = r.next()) {
      n += r.rowCount();
    }
    return n;
  }
}
