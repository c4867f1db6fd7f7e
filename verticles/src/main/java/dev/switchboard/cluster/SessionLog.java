package dev.switchboard.cluster;

import dev.switchboard.config.ClusterConfig;
import dev.switchboard.engine.bus.BusCodec;
import dev.switchboard.engine.bus.BusMessage;
import dev.switchboard.engine.bus.SessionCommand;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.NewTopic;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.kafka.client.producer.RecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's session log: one Kafka topic whose record key is the conversation key, so all of a
 * conversation's commands land in one partition, in the order they were appended, and one node at a time
 * consumes that partition. The value is the command in the bus codec's wire form.
 */
public final class SessionLog {
  public static final String HEADER_CID = "sb-cid";
  public static final String HEADER_REPLY_TO = "sb-reply-to";
  public static final String HEADER_REQUEST_ID = "sb-request-id";
  private static final BusCodec CODEC = new BusCodec();
  private final ClusterConfig.KafkaConfig config;
  private final KafkaProducer<String, Buffer> producer;

  private SessionLog(ClusterConfig.KafkaConfig config, KafkaProducer<String, Buffer> producer) {
    this.config = config;
    this.producer = producer;
  }

  /** Makes sure the topic exists with the configured partitions, then opens an idempotent, acks=all producer. */
  public static Future<SessionLog> open(Vertx vertx, ClusterConfig.KafkaConfig config) {
    KafkaAdminClient admin = KafkaAdminClient.create(vertx, adminConfig(config));
    return admin.listTopics()
        .compose(topics -> topics.contains(config.topic()) ? Future.succeededFuture()
            : admin.createTopics(List.of(new NewTopic(config.topic(), config.partitions(), (short) config.replication())))
                // Another node may have created it in the meantime.
                .recover(e -> admin.listTopics().compose(again -> again.contains(config.topic())
                    ? Future.succeededFuture() : Future.failedFuture(e))))
        .eventually(() -> admin.close())
        .map(v -> new SessionLog(config, KafkaProducer.create(vertx, producerConfig(config), String.class,
            Buffer.class)));
  }

  /** Appends a command; completes once every in-sync replica has it. */
  public Future<RecordMetadata> append(SessionCommand command, String correlationId, String replyTo,
                                      String requestId) {
    Buffer value = Buffer.buffer();
    CODEC.encodeToWire(value, command);
    KafkaProducerRecord<String, Buffer> record = KafkaProducerRecord.create(config.topic(), command.key().asString(),
        value);
    if (correlationId != null) {
      record.addHeader(HEADER_CID, correlationId);
    }
    if (replyTo != null) {
      record.addHeader(HEADER_REPLY_TO, replyTo).addHeader(HEADER_REQUEST_ID, requestId);
    }
    return producer.send(record);
  }

  /** Succeeds when the brokers answer a metadata request for the topic. */
  public Future<Void> probe() {
    return producer.partitionsFor(config.topic()).mapEmpty();
  }

  public Future<Void> close() {
    return producer.close();
  }

  public String topic() {
    return config.topic();
  }

  static SessionCommand decode(Buffer value) {
    BusMessage message = CODEC.decodeFromWire(0, value);
    if (!(message instanceof SessionCommand command)) {
      throw new IllegalArgumentException("not a session command: " + message.getClass().getSimpleName());
    }
    return command;
  }

  static String header(KafkaConsumerRecord<String, Buffer> record, String name) {
    for (KafkaHeader h : record.headers()) {
      if (h.key().equals(name)) {
        return new String(h.value().getBytes(), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  static Map<String, String> adminConfig(ClusterConfig.KafkaConfig config) {
    Map<String, String> map = new HashMap<>();
    map.put("bootstrap.servers", config.bootstrap());
    map.put("request.timeout.ms", "10000");
    map.put("default.api.timeout.ms", "15000");
    return map;
  }

  private static Map<String, String> producerConfig(ClusterConfig.KafkaConfig config) {
    Map<String, String> map = new HashMap<>();
    map.put("bootstrap.servers", config.bootstrap());
    // acks=all + idempotence: an acknowledged append survives a broker fail-over and is never written twice by
    // the producer's own retries; at most 5 in flight keeps per-partition order with idempotence on.
    map.put("acks", "all");
    map.put("enable.idempotence", "true");
    map.put("max.in.flight.requests.per.connection", "5");
    map.put("linger.ms", "1");
    map.put("delivery.timeout.ms", "10000");
    map.put("request.timeout.ms", "5000");
    map.put("max.block.ms", "5000");
    return map;
  }

  static Map<String, String> consumerConfig(ClusterConfig.KafkaConfig config, String clientId) {
    Map<String, String> map = new HashMap<>();
    map.put("bootstrap.servers", config.bootstrap());
    map.put("group.id", config.groupId());
    map.put("client.id", clientId);
    // Offsets are committed by hand, only up to what is durable (see OffsetTracker).
    map.put("enable.auto.commit", "false");
    map.put("auto.offset.reset", "earliest");
    map.put("max.poll.records", "500");
    map.put("isolation.level", "read_committed");
    // A lost node's partitions move after this long without heartbeats.
    map.put("session.timeout.ms", "6000");
    map.put("heartbeat.interval.ms", "1000");
    map.put("max.poll.interval.ms", "60000");
    map.put("partition.assignment.strategy", "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
    return map;
  }
}
