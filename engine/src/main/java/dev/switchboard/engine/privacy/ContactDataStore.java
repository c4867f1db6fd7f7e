package dev.switchboard.engine.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * The store port for data-subject requests (LGPD art. 18): find what is held about a contact, export it, erase it.
 * Memory, PostgreSQL and Redis each implement it over their own {@link ContactSource}s.
 */
public interface ContactDataStore {

  /** The contact's conversations, events and commands; {@code channelIds} are the tenant's channels. */
  Future<ContactSubject> resolve(ContactRef ref, Set<String> channelIds);

  /** Everything held about the subject, by section. */
  Future<JsonObject> export(ContactSubject subject);

  /** Erases everything held about the subject; counts by section. Idempotent. */
  Future<Map<String, Integer>> erase(ContactSubject subject, Erasure erasure);
}
