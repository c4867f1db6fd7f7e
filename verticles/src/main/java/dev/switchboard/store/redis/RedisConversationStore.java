package dev.switchboard.store.redis;

import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.store.ConversationStore;
import dev.switchboard.engine.store.SessionStep;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable conversation store with a short-term context cache: the last {@code size} messages of a
 * conversation in a Redis list with a TTL, appended after each commit. Only the conversation's own session reads
 * and writes it, so a populate and an append of one conversation never interleave. Any Redis failure falls back
 * to PostgreSQL; a failed append deletes the list so it cannot go stale.
 */
public final class RedisConversationStore implements ConversationStore {
  private final String prefix;
  // Appends only to an existing list: a missing list is filled from PostgreSQL on the next read.
  private static final String APPEND = "if redis.call('EXISTS', KEYS[1]) == 1 then "
      + "for i = 3, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end "
      + "redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1) redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 1";
  private static final String FILL = "if redis.call('EXISTS', KEYS[1]) == 0 then "
      + "for i = 2, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end "
      + "redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return 1";

  private final ConversationStore durable;
  private final RedisAPI api;
  private final RedisGuard guard;
  private final RedisDedupe dedupe;
  private final int size;
  private final long ttlMs;

  RedisConversationStore(ConversationStore durable, RedisAPI api, RedisGuard guard, RedisDedupe dedupe,
                         String keyPrefix, int size, long ttlMs) {
    this.prefix = keyPrefix + "ctx:";
    this.durable = durable;
    this.api = api;
    this.guard = guard;
    this.dedupe = dedupe;
    this.size = size;
    this.ttlMs = ttlMs;
  }

  @Override
  public Future<Void> commit(SessionStep step) {
    return durable.commit(step)
        .compose(v -> dedupe.rememberProcessed(step.processedDedupeKeys()))
        .compose(v -> step.messages().isEmpty() ? Future.succeededFuture() : append(step));
  }

  private Future<Void> append(SessionStep step) {
    String key = prefix + step.conversation().key().asString();
    List<String> args = new ArrayList<>(List.of(APPEND, "1", key, String.valueOf(size), String.valueOf(ttlMs)));
    step.messages().forEach(t -> args.add(Json.write(t)));
    return guard.call(() -> api.eval(args).map(true), false)
        .compose(ok -> ok ? Future.succeededFuture() : guard.call(() -> api.del(List.of(key)).mapEmpty(), null));
  }

  @Override
  public Future<List<Turn>> messages(ConversationKey key, int limit) {
    if (limit > size) {
      return durable.messages(key, limit);
    }
    String cacheKey = prefix + key.asString();
    return guard.<Response>call(() -> api.lrange(cacheKey, String.valueOf(-limit), "-1"), null).compose(cached -> {
      if (cached != null && cached.size() > 0) {
        List<Turn> turns = new ArrayList<>(cached.size());
        cached.forEach(r -> turns.add(Json.read(r.toString(), Turn.class)));
        return Future.succeededFuture(turns);
      }
      return durable.messages(key, size).compose(all -> fill(cacheKey, all)
          .map(v -> all.subList(Math.max(0, all.size() - limit), all.size())));
    });
  }

  private Future<Void> fill(String cacheKey, List<Turn> turns) {
    if (turns.isEmpty()) {
      return Future.succeededFuture();
    }
    List<String> args = new ArrayList<>(List.of(FILL, "1", cacheKey, String.valueOf(ttlMs)));
    turns.forEach(t -> args.add(Json.write(t)));
    return guard.call(() -> api.eval(args).mapEmpty(), null);
  }

  @Override
  public Future<Conversation> find(ConversationKey key) {
    return durable.find(key);
  }

  @Override
  public Future<List<Conversation>> list(String tenantId, ConversationState state, int limit) {
    return durable.list(tenantId, state, limit);
  }

  @Override
  public Future<List<Conversation>> idleSince(Instant cutoff, int limit) {
    return durable.idleSince(cutoff, limit);
  }
}
