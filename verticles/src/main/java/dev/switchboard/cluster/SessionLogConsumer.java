package dev.switchboard.cluster;

import dev.switchboard.engine.bus.Addresses;
import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.switchboard.config.ClusterConfig;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.bus.SessionCommand;
import dev.switchboard.engine.bus.SessionReply;
import dev.switchboard.metrics.SwitchboardMetrics;
import dev.switchboard.session.LocalSessionGateway;
import dev.switchboard.session.TurnCompletions;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds this node's session shards from the partitions of the session log the consumer group gave it.
 * Per conversation, a record is handed to its shard only after the previous one was accepted, so order
 * holds; the record's offset becomes committable only once its session step is durable (or it was found
 * already processed). A node that dies therefore leaves its partitions to the others from the last durable
 * point, and the step's processed check makes the redelivered records harmless.
 */
public final class SessionLogConsumer extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SessionLogConsumer.class);
  private static final long DELIVER_TIMEOUT_MS = 5000;
  private static final long COMMAND_TIMEOUT_MS = 10_000;
  private static final long RETRY_MS = 200;
  private final ClusterConfig cluster;
  private final LocalSessionGateway shards;
  private final TurnCompletions completions;
  private final ClusterStatus status;
  private final SwitchboardMetrics metrics;
  private final OffsetTracker tracker = new OffsetTracker();
  private final Map<String, Future<Void>> chains = new HashMap<>();
  private KafkaConsumer<String, Buffer> consumer;
  private boolean paused;
  private long commitTimer;

  public SessionLogConsumer(ClusterConfig cluster, LocalSessionGateway shards, TurnCompletions completions,
                            ClusterStatus status, SwitchboardMetrics metrics) {
    this.cluster = cluster;
    this.shards = shards;
    this.completions = completions;
    this.status = status;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    var ctx = context;
    consumer = KafkaConsumer.create(vertx, SessionLog.consumerConfig(cluster.kafka(), cluster.nodeId()),
        String.class, Buffer.class);
    // Rebalance callbacks come from the polling thread: hop onto this verticle's event loop.
    consumer.partitionsAssignedHandler(set -> ctx.runOnContext(v -> assigned(set)));
    consumer.partitionsRevokedHandler(set -> ctx.runOnContext(v -> revoked(set)));
    consumer.exceptionHandler(e -> LOG.warn("session log consumer error: {}", e.toString()));
    consumer.handler(this::onRecord);
    commitTimer = vertx.setPeriodic(cluster.kafka().commitIntervalMs(), id -> commit());
    return consumer.subscribe(cluster.kafka().topic());
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(commitTimer);
    return commit().eventually(() -> consumer.close());
  }

  private void assigned(Set<TopicPartition> partitions) {
    partitions.forEach(tp -> tracker.assigned(tp.getPartition()));
    // Conversations that moved here may have replies another node still holds: outbound checks them again.
    vertx.eventBus().publish(Addresses.PARTITIONS_ASSIGNED, partitions.size());
    status.partitions(tracker.partitions());
    LOG.info("session log partitions assigned {} now={}", kv("node", cluster.nodeId()), tracker.partitions());
  }

  private void revoked(Set<TopicPartition> partitions) {
    commit();
    partitions.forEach(tp -> tracker.revoked(tp.getPartition()));
    status.partitions(tracker.partitions());
    LOG.info("session log partitions revoked {} now={}", kv("node", cluster.nodeId()), tracker.partitions());
  }

  private void onRecord(KafkaConsumerRecord<String, Buffer> record) {
    int partition = record.partition();
    long offset = record.offset();
    if (!tracker.owns(partition)) {
      tracker.assigned(partition);
      status.partitions(tracker.partitions());
    }
    tracker.started(partition, offset);
    if (!paused && tracker.inFlight() >= cluster.kafka().maxInFlight()) {
      paused = true;
      consumer.pause();
    }
    SessionCommand command;
    try {
      command = SessionLog.decode(record.value());
    } catch (RuntimeException e) {
      // Not ours to interpret (a foreign producer, a newer version): skip it rather than block the partition.
      LOG.warn("session log record skipped partition={} offset={} cause={}", partition, offset, e.toString());
      metrics.logRecords("undecodable", 1);
      finish(partition, offset);
      return;
    }
    var item = new Item(command, partition, offset, SessionLog.header(record, SessionLog.HEADER_CID),
        SessionLog.header(record, SessionLog.HEADER_REPLY_TO), SessionLog.header(record, SessionLog.HEADER_REQUEST_ID));
    inOrder(item);
  }

  private record Item(SessionCommand command, int partition, long offset, String cid, String replyTo,
                      String requestId) {
  }

  /** Hands the item to its shard after the conversation's previous item was accepted. */
  private void inOrder(Item item) {
    String key = item.command().key().asString();
    Future<Void> previous = chains.getOrDefault(key, Future.succeededFuture());
    Future<Void> accepted = previous.transform(ignored -> hand(item));
    chains.put(key, accepted);
    accepted.onComplete(ar -> chains.remove(key, accepted));
  }

  private Future<Void> hand(Item item) {
    if (!tracker.owns(item.partition())) {
      return Future.succeededFuture();
    }
    if (item.command() instanceof SessionCommand.Deliver deliver) {
      String dedupeKey = deliver.event().dedupeKey();
      Future<Void> durable = completions.await(dedupeKey);
      // The turn settles on a session shard's event loop: back to this verticle's loop before touching the offset
      // tracker (a TreeSet used from two threads corrupted itself and spun an event loop for minutes).
      return deliver(item).onSuccess(v -> durable.onComplete(ar -> context.runOnContext(x -> stepSettled(item, ar))))
          .onFailure(e -> completions.forget(dedupeKey));
    }
    return shards.request(item.command(), item.cid(), COMMAND_TIMEOUT_MS).transform(ar -> {
      answer(item, ar);
      metrics.logRecords(ar.succeeded() ? "done" : "failed", 1);
      finish(item.partition(), item.offset());
      return Future.succeededFuture();
    });
  }

  /** Queues the event on its shard, waiting while the conversation's queue is full; gives up if the partition left. */
  private Future<Void> deliver(Item item) {
    return shards.request(item.command(), item.cid(), DELIVER_TIMEOUT_MS).<Void>mapEmpty().recover(e -> {
      if (!tracker.owns(item.partition())) {
        return Future.failedFuture(e);
      }
      return vertx.timer(RETRY_MS).compose(t -> deliver(item));
    });
  }

  private void stepSettled(Item item, AsyncResult<Void> outcome) {
    if (outcome.succeeded()) {
      metrics.logRecords("done", 1);
      finish(item.partition(), item.offset());
    } else if (tracker.owns(item.partition())) {
      // The step failed (e.g. PostgreSQL unreachable): keep the offset uncommitted and deliver the event again.
      metrics.logRecords("retried", 1);
      LOG.warn("session step failed, delivering again partition={} offset={} cause={}", item.partition(),
          item.offset(), outcome.cause().getClass().getSimpleName());
      vertx.setTimer(1000, t -> inOrder(item));
    }
  }

  private void answer(Item item, AsyncResult<SessionCommand.Accepted> outcome) {
    if (item.replyTo() == null || item.requestId() == null) {
      return;
    }
    Failure failure = outcome.succeeded() ? null : Failure.of(outcome.cause());
    SessionReply reply = outcome.succeeded()
        ? SessionReply.ok(item.requestId(), outcome.result().state())
        : SessionReply.failed(item.requestId(), failure.code().code(), failure.getMessage());
    vertx.eventBus().send(item.replyTo(), reply);
  }

  private void finish(int partition, long offset) {
    tracker.done(partition, offset);
    if (paused && tracker.inFlight() < cluster.kafka().maxInFlight() / 2) {
      paused = false;
      consumer.resume();
    }
  }

  private Future<Void> commit() {
    Map<Integer, Long> offsets = tracker.committable();
    if (offsets.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<TopicPartition, OffsetAndMetadata> request = new HashMap<>();
    offsets.forEach((p, o) -> request.put(new TopicPartition(cluster.kafka().topic(), p), new OffsetAndMetadata(o, null)));
    return consumer.commit(request).<Void>mapEmpty()
        .onSuccess(v -> tracker.markCommitted(offsets))
        .onFailure(e -> LOG.warn("offset commit failed (will retry) cause={}", e.toString()));
  }
}
