package dev.switchboard.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.BusSetup;
import dev.switchboard.config.StorageConfig;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.FailureCode;
import dev.switchboard.engine.bus.IngestResult;
import dev.switchboard.engine.bus.RawWebhook;
import dev.switchboard.engine.bus.SessionCommand;
import dev.switchboard.engine.event.ChannelRef;
import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.session.LocalSessionGateway;
import dev.switchboard.engine.session.TurnBacklog;
import dev.switchboard.store.Storage;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The normalizer verticle alone, its session shard played by a test consumer: on a single node a message is
 * acknowledged once it is in the inbox, before its shard took it, and handed over again until the shard does; the
 * turn backlog refuses a webhook (before storing it) once a conversation has too many unsettled messages.
 */
@ExtendWith(VertxExtension.class)
class NormalizerAckTest {
  private static final ChannelRef WA = new ChannelRef("acme", "wa", ChannelType.WHATSAPP);
  private TurnBacklog backlog;
  private final List<SessionCommand.Deliver> delivered = new CopyOnWriteArrayList<>();
  private Stores stores;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    BusSetup.register(vertx);
    backlog = new TurnBacklog(vertx, 1, 100, 1_000);
    stores = Storage.memory(new StorageConfig(StorageConfig.Mode.MEMORY, 0, 0, null, null));
    // The shard: refuses the first hand-over (busy), takes the next one.
    vertx.eventBus().<SessionCommand>localConsumer(Addresses.sessionShard(0), m -> {
      delivered.add((SessionCommand.Deliver) m.body());
      if (delivered.size() == 1) {
        m.fail(FailureCode.QUEUE_FULL.code(), "busy");
      } else {
        m.reply(new SessionCommand.Accepted("QUEUED"));
      }
    });
    vertx.deployVerticle(new NormalizerVerticle(new NormalizerVerticle.Settings(32, false), stores.inbox(),
        new LocalSessionGateway(vertx.eventBus(), 1), backlog)).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aMessageIsAcknowledgedOnceStoredAndHandedToItsShardUntilTaken(Vertx vertx, VertxTestContext ctx)
      throws InterruptedException {
    vertx.eventBus().<IngestResult>request(Addresses.NORMALIZE, webhook("wamid.ack-1"), local())
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertThat(reply.body().accepted()).isEqualTo(1);
          // Acknowledged although the shard refused its first hand-over: the message is in the inbox (the memory
          // store answers at once, so .result() is safe on the event loop).
          assertThat(stores.inbox().unprocessed(10).result()).hasSize(1);
          assertThat(backlog.size()).isEqualTo(1);
        })))
        .compose(v -> vertx.eventBus().request(Addresses.NORMALIZE, webhook("wamid.ack-2"), local()))
        .onComplete(ar -> ctx.verify(() -> {
          // The same conversation already has its one unsettled message: refused before the insert.
          assertThat(ar.failed()).isTrue();
          assertThat(((ReplyException) ar.cause()).failureCode()).isEqualTo(FailureCode.QUEUE_FULL.code());
          assertThat(stores.inbox().unprocessed(10).result()).hasSize(1);
        }));
    vertx.setPeriodic(20, id -> {
      if (delivered.size() >= 2) {
        vertx.cancelTimer(id);
        ctx.verify(() -> assertThat(delivered).extracting(d -> d.event().dedupeKey()).containsOnly(
            delivered.get(0).event().dedupeKey()));
        ctx.completeNow();
      }
    });
    assertThat(ctx.awaitCompletion(15, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aRedeliveryWhileTheFirstIsInProgressIsADuplicateNotARefusal(Vertx vertx, VertxTestContext ctx)
      throws InterruptedException {
    vertx.eventBus().<IngestResult>request(Addresses.NORMALIZE, webhook("wamid.dup-1"), local())
        .compose(first -> vertx.eventBus().<IngestResult>request(Addresses.NORMALIZE, webhook("wamid.dup-1"), local()))
        .onComplete(ctx.succeeding(second -> ctx.verify(() -> {
          assertThat(second.body().duplicates()).isEqualTo(1);
          assertThat(backlog.size()).isEqualTo(1);
          ctx.completeNow();
        })));
    assertThat(ctx.awaitCompletion(15, TimeUnit.SECONDS)).isTrue();
  }

  private static DeliveryOptions local() {
    return new DeliveryOptions().setLocalOnly(true).setSendTimeout(5_000);
  }

  private static RawWebhook webhook(String messageId) {
    JsonObject message = new JsonObject().put("from", "5511987650001").put("id", messageId)
        .put("timestamp", "1764000000").put("type", "text").put("text", new JsonObject().put("body", "oi"));
    JsonObject value = new JsonObject().put("messaging_product", "whatsapp")
        .put("metadata", new JsonObject().put("display_phone_number", "551130405060")
            .put("phone_number_id", "209715200054321"))
        .put("contacts", new JsonArray().add(new JsonObject().put("wa_id", "5511987650001")))
        .put("messages", new JsonArray().add(message));
    byte[] body = new JsonObject().put("object", "whatsapp_business_account").put("entry", new JsonArray()
            .add(new JsonObject().put("id", "1").put("changes", new JsonArray()
                .add(new JsonObject().put("field", "messages").put("value", value)))))
        .encode().getBytes(StandardCharsets.UTF_8);
    return new RawWebhook(WA, body, null, Instant.parse("2026-11-20T13:00:00Z"));
  }
}
