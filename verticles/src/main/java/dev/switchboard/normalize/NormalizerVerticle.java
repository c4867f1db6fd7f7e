package dev.switchboard.normalize;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.Correlation;
import dev.switchboard.engine.bus.FailureCode;
import dev.switchboard.engine.bus.IngestResult;
import dev.switchboard.engine.bus.RawWebhook;
import dev.switchboard.engine.channel.Normalizers;
import dev.switchboard.engine.channel.PayloadException;
import dev.switchboard.engine.channel.Payloads;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.event.NormalizedEvent;
import dev.switchboard.engine.store.InboxEntry;
import dev.switchboard.engine.store.InboxStore;
import dev.switchboard.session.SessionGateway;
import dev.switchboard.engine.session.TurnBacklog;
import io.vertx.core.eventbus.ReplyFailure;
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
  private final Settings settings;
  private final InboxStore inbox;
  private static final int MAX_REDELIVERIES = 30;

  /** What the normalizer needs to know: how deep a payload may nest, and whether nodes share a session log. */
  public record Settings(int maxJsonDepth, boolean clustered) {
  }

  private final SessionGateway sessions;
  private final TurnBacklog backlog;
  private EventRouter router;

  /**
   * {@code backlog}: on a single node, customer messages are acknowledged once in the inbox and handed to their
   * shard afterwards, bounded by it; null in a cluster, where the session log's append is what a 200 waits for.
   */
  public NormalizerVerticle(Settings settings, InboxStore inbox, SessionGateway sessions, TurnBacklog backlog) {
    this.settings = settings;
    this.inbox = inbox;
    this.sessions = sessions;
    this.backlog = backlog;
  }

  @Override
  public Future<?> start() {
    router = new EventRouter(vertx.eventBus(), inbox, sessions);
    return vertx.eventBus().<RawWebhook>localConsumer(Addresses.NORMALIZE, this::handle).completion();
  }

  private void handle(Message<RawWebhook> message) {
    RawWebhook raw = message.body();
    String cid = message.headers().get(Correlation.HEADER);
    List<NormalizedEvent> events;
    try {
      var root = Payloads.parse(raw.body(), settings.maxJsonDepth());
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
    if (backlog != null && event instanceof MessageReceived m) {
      return ingestThenDeliver(m, raw, counts, cid);
    }
    return inbox.insertIfAbsent(new InboxEntry(event, raw.receivedAt(), false)).compose(fresh -> {
      if (!fresh) {
        counts.duplicates.incrementAndGet();
        return settings.clustered() ? resubmitIfUnprocessed(event, cid) : Future.succeededFuture();
      }
      return route(event, counts, cid)
          .recover(e -> inbox.remove(event.dedupeKey()).transform(ignored -> Future.failedFuture(e)));
    });
  }

  /**
   * Single node: the message is acknowledged once it is in the inbox; its shard gets it right after, retried with
   * backoff if the shard is busy (the 200 already went out, so the message must not be dropped). A full backlog
   * refuses the webhook before the insert, so the provider's retry is not mistaken for a duplicate.
   */
  private Future<Void> ingestThenDeliver(MessageReceived m, RawWebhook raw, Counts counts, String cid) {
    return backlog.acquire(m.dedupeKey(), ConversationKey.of(m.source().channel(), m.contact()).asString())
        .compose(admission -> {
          if (admission == TurnBacklog.Admission.FULL) {
            return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE,
                FailureCode.QUEUE_FULL.code(), "too many unanswered messages"));
          }
          boolean mine = admission == TurnBacklog.Admission.TAKEN;
          return inbox.insertIfAbsent(new InboxEntry(m, raw.receivedAt(), false))
              .onFailure(e -> {
                if (mine) {
                  backlog.release(List.of(m.dedupeKey()));
                }
              })
              .compose(fresh -> {
                if (fresh) {
                  counts.accepted.incrementAndGet();
                  deliver(m, cid, 0);
                  return Future.<Void>succeededFuture();
                }
                counts.duplicates.incrementAndGet();
                return mine ? redeliverIfUnprocessed(m, cid) : Future.succeededFuture();
              });
        });
  }

  /**
   * A repeat of a message this node does not hold. If the inbox has it unprocessed, the first delivery was lost
   * after the insert committed (a connection cut between the commit and its reply, so the sender got an error and
   * retried): hand it to its session now, before the sender moves on to its next message, so order holds. At worst
   * a second copy, which the turn drops. Otherwise it is a plain repeat.
   */
  private Future<Void> redeliverIfUnprocessed(MessageReceived m, String cid) {
    return inbox.processedAmong(List.of(m.dedupeKey())).<Void>map(done -> {
      if (done.isEmpty()) {
        deliver(m, cid, 0);
      } else {
        backlog.release(List.of(m.dedupeKey()));
      }
      return null;
    }).onFailure(e -> backlog.release(List.of(m.dedupeKey())));
  }

  private void deliver(MessageReceived m, String cid, int attempt) {
    router.route(m, cid).onFailure(e -> {
      if (attempt >= MAX_REDELIVERIES) {
        // Still in the inbox, unprocessed: recovery hands it over again.
        LOG.error("message not handed to its session after {} attempts {} cause={}", attempt + 1,
            kv("cid", Correlation.orNone(cid)), e.getClass().getSimpleName());
        backlog.release(List.of(m.dedupeKey()));
        return;
      }
      vertx.setTimer(Math.min(2_000, 20L << Math.min(attempt, 7)), t -> deliver(m, cid, attempt + 1));
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
    return inbox.processedAmong(List.of(event.dedupeKey()))
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
