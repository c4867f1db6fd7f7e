package dev.switchboard.engine.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * One place holding personal data about contacts (a store, a cache, a log). Each exports what it holds about a
 * subject and erases it; a {@link ContactDataStore} runs all of them. A new store that keeps anything about a contact
 * (its id, address, name or text) adds one of these, and nothing else changes.
 */
public interface ContactSource {

  /** Sections of the export, by name (e.g. {@code messages}), each a JSON array of what is held. */
  Future<JsonObject> export(ContactSubject subject);

  /**
   * Removes or irreversibly anonymises what is held; answers how many items each section changed. Running it again
   * on the same subject changes nothing more (answers zeros).
   */
  Future<Map<String, Integer>> erase(ContactSubject subject, Erasure erasure);
}
