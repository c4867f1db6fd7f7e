package dev.switchboard.store.pg;

import static dev.switchboard.store.PgTestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.config.StorageConfig;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.bus.FailureCode;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.privacy.ContactRef;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.store.SessionStep;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.store.PgTestDatabase;
import dev.switchboard.store.RedisTestSupport;
import dev.switchboard.store.redis.RedisStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An erase that fails half-way: in PostgreSQL nothing of it stays (one transaction), and the retry does all of it;
 * with Redis down after the database committed, the erase fails (so the caller knows to retry) and the retry —
 * which finds no conversation any more — still deletes the cached copies, found from the tenant's channels.
 */
class ContactEraseFailuresTest {
  private static final Instant T0 = Instant.parse("2026-05-12T14:00:00Z");
  private static Vertx vertx;
  private static PgTestDatabase db;
  private static Stores stores;
  private static Pool pool;

  @BeforeAll
  static void open() {
    vertx = Vertx.vertx();
    db = new PgTestDatabase(vertx);
    stores = await(PgStores.create(vertx, db.config()));
    pool = PgStores.pool(vertx, db.config());
  }

  @AfterAll
  static void close() {
    await(pool.close());
    await(stores.close());
    db.close();
    await(vertx.close());
  }

  private static ConversationKey talk(Stores to, String tenant, String phone) {
    ConversationKey key = new ConversationKey(tenant, "wa", "+" + phone);
    await(to.conversations().commit(new SessionStep(Conversation.open(key, phone, T0),
        List.of(new Turn(Direction.INBOUND, "texto de " + phone, "wamid." + phone, T0)), List.of(), List.of(),
        List.of())));
    return key;
  }

  @Test
  void aFailureHalfWayLeavesNothingChangedAndTheRetryFinishes() {
    ConversationKey key = talk(stores, "crash1", "5511966600001");
    PgContactSource broken = new PgContactSource() {
      @Override
      public Future<JsonObject> export(SqlClient tx, ContactSubject subject) {
        return Future.succeededFuture(new JsonObject());
      }

      @Override
      public Future<Map<String, Integer>> erase(SqlClient tx, ContactSubject subject, Erasure erasure) {
        return Future.failedFuture(new IllegalStateException("the process died here"));
      }
    };
    // The conversations are anonymised first, then the broken source fails: the transaction rolls back.
    PgContactData halfWay = new PgContactData(pool, List.of(new PgConversationRows(), broken, new PgOutboxRows()));
    ContactRef ref = new ContactRef("crash1", "+5511966600001");
    ContactSubject subject = await(halfWay.resolve(ref, Set.of("wa")));
    assertThatThrownBy(() -> await(halfWay.erase(subject, Erasure.start(T0)))).hasMessageContaining("died here");
    assertThat(await(stores.conversations().find(key))).isNotNull();
    assertThat(await(stores.conversations().messages(key, 10))).extracting(Turn::text)
        .containsExactly("texto de 5511966600001");

    Map<String, Integer> retried = await(stores.contacts().erase(await(stores.contacts().resolve(ref, Set.of("wa"))),
        Erasure.start(T0)));
    assertThat(retried).containsEntry("conversations", 1).containsEntry("messages", 1);
    assertThat(await(stores.conversations().find(key))).isNull();
  }

  @Test
  void withRedisDownTheEraseFailsAfterTheDatabaseAndTheRetryDeletesTheCachedCopies() {
    String prefix = "test:" + UUID.randomUUID() + ":";
    Stores up = RedisStores.wrap(vertx, stores, redis(RedisTestSupport.URL, prefix), null);
    Stores down = RedisStores.wrap(vertx, stores, redis("redis://127.0.0.1:1", prefix), null);
    Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(RedisTestSupport.URL));
    RedisAPI api = RedisAPI.api(client);
    try {
      ConversationKey key = talk(up, "crash2", "5511966600002");
      assertThat(await(up.conversations().messages(key, 5))).hasSize(1);
      String cached = prefix + "ctx:" + key.asString();
      assertThat(await(api.exists(List.of(cached))).toInteger()).as("the context cache was filled").isEqualTo(1);

      ContactRef ref = new ContactRef("crash2", "+5511966600002");
      ContactSubject subject = await(down.contacts().resolve(ref, Set.of("wa")));
      assertThatThrownBy(() -> await(down.contacts().erase(subject, Erasure.start(T0))))
          .rootCause().isInstanceOf(Failure.class)
          .extracting(e -> ((Failure) e).code()).isEqualTo(FailureCode.UNAVAILABLE);
      assertThat(await(stores.conversations().find(key))).as("the database part committed").isNull();
      assertThat(await(api.exists(List.of(cached))).toInteger()).isEqualTo(1);

      ContactSubject retry = await(up.contacts().resolve(ref, Set.of("wa")));
      assertThat(retry.conversations()).isEmpty();
      assertThat(await(up.contacts().erase(retry, Erasure.start(T0)))).containsEntry("redisKeys", 1)
          .containsEntry("conversations", 0);
      assertThat(await(api.exists(List.of(cached))).toInteger()).isZero();
    } finally {
      client.close();
    }
  }

  private static StorageConfig.RedisConfig redis(String url, String prefix) {
    return new StorageConfig.RedisConfig(url, prefix, 2, 250, 0, 5, 0);
  }
}
