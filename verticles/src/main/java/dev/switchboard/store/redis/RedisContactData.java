package dev.switchboard.store.redis;

import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.bus.FailureCode;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.privacy.ContactDataStore;
import dev.switchboard.engine.privacy.ContactRef;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.Erasure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The durable store's data-subject requests, plus the Redis keys that copy a contact's data: the context cache (its
 * last messages) and the dedupe marks of its events. They are deleted after the durable erase committed, so a turn
 * cannot refill them from rows not yet erased. Unlike the hot path, an erase does not shrug off a Redis failure: it
 * fails (503), and the retry — idempotent — deletes the keys (the cache keys are found from the tenant's channels
 * even when no conversation is left). Rate-limit buckets are the {@code RateLimiter}'s.
 */
final class RedisContactData implements ContactDataStore {
  private final ContactDataStore durable;
  private final RedisAPI api;
  private final RedisGuard guard;
  private final String prefix;

  RedisContactData(ContactDataStore durable, RedisAPI api, RedisGuard guard, String keyPrefix) {
    this.durable = durable;
    this.api = api;
    this.guard = guard;
    this.prefix = keyPrefix;
  }

  @Override
  public Future<ContactSubject> resolve(ContactRef ref, Set<String> channelIds) {
    return durable.resolve(ref, channelIds);
  }

  /** The cache holds copies of stored messages only; the durable export has them all. */
  @Override
  public Future<JsonObject> export(ContactSubject subject) {
    return durable.export(subject);
  }

  @Override
  public Future<Map<String, Integer>> erase(ContactSubject subject, Erasure erasure) {
    List<String> keys = new ArrayList<>();
    for (ConversationKey key : subject.candidateKeys()) {
      keys.add(prefix + "ctx:" + key.asString());
    }
    subject.eventKeys().forEach(k -> keys.add(prefix + "seen:" + k));
    return durable.erase(subject, erasure).compose(counts -> (keys.isEmpty() ? Future.succeededFuture(0)
            : guard.<Integer>call(() -> api.del(keys).map(r -> r == null ? 0 : r.toInteger()), null))
        .compose(deleted -> {
          if (deleted == null) {
            return Future.failedFuture(new Failure(FailureCode.UNAVAILABLE,
                "stored data erased; Redis did not answer, so its cached copies are not yet: repeat the erase"));
          }
          Map<String, Integer> all = new LinkedHashMap<>(counts);
          all.put("redisKeys", deleted);
          return Future.succeededFuture(all);
        }));
  }
}
