package dev.switchboard.normalize;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.switchboard.engine.store.Stores;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.Correlation;
import dev.switchboard.engine.bus.FailureCode;
import dev.switchboard.engine.bus.IngestResult;
import dev.switchboard.engine.bus.RawWebhook;
import dev.switchboard.engine.channel.Normalizers;
import dev.switchboard.engine.channel.PayloadException;
import dev.switchboard.engine.channel.Payloads;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.event.NormalizedEvent;
import dev.switchboard.engine.store.InboxEntry;
import dev.switchboard.session.SessionGateway;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a verified raw payload into events, puts each in the inbox (the insert is the dedupe) and hands the new
 * ones, in payload order, to the session shard that owns their conversation (statuses to outbound). Replies to
 * the edge only when every event is safely queued; if a shard is full, the event just inserted is removed again
 * so the provider's retry is not mistaken for a duplicate.
 */
public final class NormalizerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(NormalizerVerticle.class);
  private final SwitchboardConfig config;
  private final Stores stores;
  private final SessionGateway sessions;
  private EventRouter router;

  public NormalizerVerticle(SwitchboardConfig config, Stores stores, SessionGateway sessions) {
    this.config = config;
    this.stores = stores;
    this.sessions = sessions;
  }

  @Override
  public Future<?> start() {
    router = new EventRouter(vertx.eventBus(), stores.inbox(), sessions);
    return vertx.eventBus().<RawWebhook>localConsumer(Addresses.NORMALIZE, this::handle).completion();
  }

  private void handle(Message<RawWebhook> message) {
    RawWebhook raw = message.body();
    String cid = message.headers().get(Correlation.HEADER);
    List<NormalizedEvent> events;
    try {
      var root = Payloads.parse(raw.body(), config.http().maxJsonDepth());
      events = Normalizers.forType(raw.channel().type()).normalize(raw.channel(), root, raw.providerEventId());
    } catch (PayloadException e) {
      LOG.info("payload rejected {} channel={} reason={}", kv("cid", Correlation.orNone(cid)),
          raw.channel().channelId(), e.getMessage());
      message.fail(FailureCode.BAD_PAYLOAD.code(), e.getMessage());
      return;
    }
    var counts = new Counts();
    Future<Void> chain = Future.succeededFuture();
    for (NormalizedEvent event : events) {
      chain = chain.compose(v -> ingest(event, raw, counts, cid));
    }
    chain.onSuccess(v -> message.reply(new IngestResult(counts.accepted.get(), counts.duplicates.get(),
            counts.ignored.get())))
        .onFailure(e -> {
          FailureCode code = e instanceof ReplyException re ? FailureCode.fromCode(re.failureCode()) : FailureCode.UNAVAILABLE;
          if (code != FailureCode.QUEUE_FULL) {
            LOG.warn("ingest failed {} channel={} cause={}", kv("cid", Correlation.orNone(cid)),
                raw.channel().channelId(), e.getClass().getSimpleName());
          }
          message.fail(code == FailureCode.QUEUE_FULL ? code.code() : FailureCode.UNAVAILABLE.code(), "not queued");
        });
  }

  private Future<Void> ingest(NormalizedEvent event, RawWebhook raw, Counts counts, String cid) {
    return stores.inbox().insertIfAbsent(new InboxEntry(event, raw.receivedAt(), false)).compose(fresh -> {
      if (!fresh) {
        counts.duplicates.incrementAndGet();
        return config.cluster().enabled() ? resubmitIfUnprocessed(event, cid) : Future.succeededFuture();
      }
      return route(event, counts, cid)
          .recover(e -> stores.inbox().remove(event.dedupeKey()).transform(ignored -> Future.failedFuture(e)));
    });
  }

  /**
   * Cluster: a node can die after the inbox insert and before the session log took the event (so no 200 went
   * out). The provider's retry then looks like a duplicate; if the event is still unprocessed it goes to the log
   * again — at worst a second copy, which the session step's processed check drops.
   */
  private Future<Void> resubmitIfUnprocessed(NormalizedEvent event, String cid) {
    if (!(event instanceof MessageReceived)) {
      return Future.succeededFuture();
    }
    return stores.inbox().processedAmong(List.of(event.dedupeKey()))
        .compose(done -> done.isEmpty() ? router.route(event, cid).<Void>mapEmpty() : Future.succeededFuture());
  }

  private Future<Void> route(NormalizedEvent event, Counts counts, String cid) {
    return router.route(event, cid).map(acted -> {
      (acted ? counts.accepted : counts.ignored).incrementAndGet();
      return null;
    });
  }

  private static final class Counts {
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger duplicates = new AtomicInteger();
    final AtomicInteger ignored = new AtomicInteger();
  }
}
