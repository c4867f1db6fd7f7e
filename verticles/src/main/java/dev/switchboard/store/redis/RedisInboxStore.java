package dev.switchboard.store.redis;

import dev.switchboard.engine.store.InboxEntry;
import dev.switchboard.engine.store.InboxStore;
import io.vertx.core.Future;
import java.util.List;
import java.time.Instant;
import java.util.Set;

/** The durable inbox with Redis in front for repeat deliveries of processed events (see {@link RedisDedupe}). */
public final class RedisInboxStore implements InboxStore {
  private final InboxStore durable;
  private final RedisDedupe dedupe;

  RedisInboxStore(InboxStore durable, RedisDedupe dedupe) {
    this.durable = durable;
    this.dedupe = dedupe;
  }

  @Override
  public Future<Boolean> insertIfAbsent(InboxEntry entry) {
    return dedupe.knownProcessed(entry.dedupeKey())
        .compose(known -> known ? Future.succeededFuture(false) : durable.insertIfAbsent(entry));
  }

  @Override
  public Future<Void> remove(String dedupeKey) {
    return durable.remove(dedupeKey);
  }

  @Override
  public Future<Void> markProcessed(List<String> dedupeKeys) {
    return durable.markProcessed(dedupeKeys).compose(v -> dedupe.rememberProcessed(dedupeKeys));
  }

  @Override
  public Future<Set<String>> processedAmong(List<String> dedupeKeys) {
    return durable.processedAmong(dedupeKeys);
  }

  @Override
  public Future<List<InboxEntry>> unprocessed(int limit) {
    return durable.unprocessed(limit);
  }

  @Override
  public Future<Long> countUnprocessed() {
    return durable.countUnprocessed();
  }

  /** Redis dedupe keys expire on their own; retention is the durable store's. */
  @Override
  public Future<Integer> purgeProcessed(Instant before, int limit) {
    return durable.purgeProcessed(before, limit);
  }
}
