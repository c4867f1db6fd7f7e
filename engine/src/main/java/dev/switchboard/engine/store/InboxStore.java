package dev.switchboard.engine.store;

import io.vertx.core.Future;
import java.util.List;
import java.time.Instant;
import java.util.Set;

/**
 * Durable record of every acknowledged inbound event. The insert is the dedupe: a second insert of the same
 * (tenant, channel, provider event id) is refused, so there is no read-then-write race.
 */
public interface InboxStore {

  /** Stores the entry unless its dedupe key is known; true when it was new. */
  Future<Boolean> insertIfAbsent(InboxEntry entry);

  /** Forgets an entry that could not be handed to its session, so the provider's retry is not a duplicate. */
  Future<Void> remove(String dedupeKey);

  /** Marks the events whose session step completed. */
  Future<Void> markProcessed(List<String> dedupeKeys);

  /** Those of the given dedupe keys whose events were already processed (a redelivery check). */
  Future<Set<String>> processedAmong(List<String> dedupeKeys);

  /** Acknowledged events not yet processed, oldest first (for recovery). */
  Future<List<InboxEntry>> unprocessed(int limit);

  Future<Long> countUnprocessed();

  /**
   * Deletes up to {@code limit} processed entries received before {@code before} (retention); unprocessed ones are
   * never touched. Returns how many went: fewer than {@code limit} means nothing older is left.
   */
  Future<Integer> purgeProcessed(Instant before, int limit);
}
