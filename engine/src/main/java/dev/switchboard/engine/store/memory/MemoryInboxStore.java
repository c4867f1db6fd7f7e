package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.event.StatusChanged;
import dev.switchboard.engine.event.NormalizedEvent;
import dev.switchboard.engine.privacy.ContactSource;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.privacy.ExportRows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import dev.switchboard.engine.store.InboxEntry;
import dev.switchboard.engine.store.InboxStore;
import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Embedded-mode inbox. Processed entries are kept (they are the dedupe memory) up to {@code maxEntries};
 * past that the oldest processed entries are dropped, since a provider retries for days, not forever.
 */
public final class MemoryInboxStore implements InboxStore, ContactSource {
  private final ConcurrentHashMap<String, InboxEntry> entries = new ConcurrentHashMap<>();
  private final int maxEntries;

  public MemoryInboxStore(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  @Override
  public Future<Boolean> insertIfAbsent(InboxEntry entry) {
    boolean fresh = entries.putIfAbsent(entry.dedupeKey(), entry) == null;
    if (fresh && entries.size() > maxEntries) {
      evictProcessed();
    }
    return Future.succeededFuture(fresh);
  }

  @Override
  public Future<Void> remove(String dedupeKey) {
    entries.remove(dedupeKey);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> markProcessed(List<String> dedupeKeys) {
    for (String key : dedupeKeys) {
      entries.computeIfPresent(key, (k, e) -> new InboxEntry(e.event(), e.receivedAt(), true));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Set<String>> processedAmong(List<String> dedupeKeys) {
    Set<String> done = new HashSet<>();
    for (String key : dedupeKeys) {
      InboxEntry e = entries.get(key);
      if (e != null && e.processed()) {
        done.add(key);
      }
    }
    return Future.succeededFuture(done);
  }

  @Override
  public Future<List<InboxEntry>> unprocessed(int limit) {
    return Future.succeededFuture(entries.values().stream()
        .filter(e -> !e.processed())
        .sorted(Comparator.comparing(InboxEntry::receivedAt))
        .limit(limit)
        .toList());
  }

  @Override
  public Future<Long> countUnprocessed() {
    return Future.succeededFuture(entries.values().stream().filter(e -> !e.processed()).count());
  }

  @Override
  public Future<Integer> purgeProcessed(Instant before, int limit) {
    List<String> old = entries.values().stream()
        .filter(e -> e.processed() && e.receivedAt().isBefore(before))
        .limit(limit)
        .map(InboxEntry::dedupeKey)
        .toList();
    old.forEach(entries::remove);
    return Future.succeededFuture(old.size());
  }

  private synchronized void evictProcessed() {
    int excess = entries.size() - maxEntries;
    if (excess <= 0) {
      return;
    }
    entries.values().stream()
        .filter(InboxEntry::processed)
        .sorted(Comparator.comparing(InboxEntry::receivedAt))
        .limit(excess + maxEntries / 10)
        .forEach(e -> entries.remove(e.dedupeKey()));
  }
  /**
   * Dedupe keys of the contact's events: its messages, delivery statuses naming it, and any other event whose JSON
   * names it. Typed checks first: serialising every event of a full inbox to search it would hold the event loop.
   */
  public Set<String> keysOf(ContactSubject subject) {
    Set<ConversationKey> keys = subject.candidateKeys();
    Set<String> addresses = subject.addresses();
    Set<String> out = new HashSet<>();
    entries.values().forEach(e -> {
      if (!e.event().source().channel().tenantId().equals(subject.ref().tenantId())) {
        return;
      }
      if (names(e.event(), subject, keys, addresses)) {
        out.add(e.dedupeKey());
      }
    });
    return out;
  }

  private static boolean names(NormalizedEvent event, ContactSubject subject, Set<ConversationKey> keys,
                               Set<String> addresses) {
    if (event instanceof MessageReceived m) {
      return keys.contains(ConversationKey.of(m.source().channel(), m.contact()))
          || addresses.contains(m.contact().replyTo());
    }
    if (event instanceof StatusChanged st) {
      return st.recipientId() != null && addresses.contains(st.recipientId());
    }
    return subject.mentionedIn(Json.write(event));
  }

  @Override
  public Future<JsonObject> export(ContactSubject subject) {
    JsonArray list = new JsonArray();
    subject.eventKeys().stream().map(entries::get).filter(e -> e != null)
        .sorted(Comparator.comparing(InboxEntry::receivedAt))
        .forEach(e -> list.add(ExportRows.inbox(e.dedupeKey(), ExportRows.record(e.event()), e.receivedAt(),
            e.processed())));
    return Future.succeededFuture(new JsonObject().put("inbox", list));
  }

  /** Raw events are deleted: nothing reads them after processing but the dedupe, which an erase gives up. */
  @Override
  public Future<Map<String, Integer>> erase(ContactSubject subject, Erasure erasure) {
    int removed = 0;
    for (String key : subject.eventKeys()) {
      removed += entries.remove(key) != null ? 1 : 0;
    }
    return Future.succeededFuture(Map.of("inbox", removed));
  }
}
