package dev.switchboard.config;

import java.util.List;

/**
 * Cluster mode ({@code cluster.enabled} or {@code --cluster}): Vert.x clustered with Hazelcast over TCP-IP
 * members (no multicast, no cloud discovery), sessions ordered through a Kafka topic keyed by conversation.
 * Needs {@code storage.mode: postgres}: the nodes share PostgreSQL (and Redis, when configured).
 *
 * @param nodeId        this node's name in logs and readiness (default: host:port)
 * @param host          the address Hazelcast and the event bus bind to and advertise
 * @param port          the Hazelcast member port
 * @param members       every member as {@code host:port}, this one included
 * @param recoverAfterMs an unprocessed inbox event older than this is appended to the log again at start-up
 */
public record ClusterConfig(boolean enabled, String nodeId, String host, int port, List<String> members,
                            KafkaConfig kafka, long recoverAfterMs) {
  public ClusterConfig {
    host = host == null || host.isBlank() ? "127.0.0.1" : host;
    port = port <= 0 ? 5701 : port;
    nodeId = nodeId == null || nodeId.isBlank() ? host + ":" + port : nodeId;
    members = members == null || members.isEmpty() ? List.of(host + ":" + port) : List.copyOf(members);
    kafka = kafka == null ? new KafkaConfig(null, null, 0, null, 0, 0, 0) : kafka;
    recoverAfterMs = recoverAfterMs <= 0 ? 60_000 : recoverAfterMs;
  }

  public static ClusterConfig disabled() {
    return new ClusterConfig(false, null, null, 0, null, null, 0);
  }

  public ClusterConfig enable() {
    return new ClusterConfig(true, nodeId, host, port, members, kafka, recoverAfterMs);
  }

  /**
   * The session log: {@code topic} with {@code partitions} (created when missing), consumed by {@code groupId}.
   * At most {@code maxInFlight} records per node are between poll and offset commit; offsets are committed
   * every {@code commitIntervalMs}, only up to the first record whose session step is not yet durable.
   */
  public record KafkaConfig(String bootstrap, String topic, int partitions, String groupId, int replication,
                            int maxInFlight, long commitIntervalMs) {
    public KafkaConfig {
      bootstrap = bootstrap == null || bootstrap.isBlank() ? "127.0.0.1:9092" : bootstrap;
      topic = topic == null || topic.isBlank() ? "switchboard.sessions" : topic;
      partitions = partitions <= 0 ? 12 : partitions;
      groupId = groupId == null || groupId.isBlank() ? "switchboard-sessions" : groupId;
      replication = replication <= 0 ? 1 : replication;
      maxInFlight = maxInFlight <= 0 ? 5000 : maxInFlight;
      commitIntervalMs = commitIntervalMs <= 0 ? 500 : commitIntervalMs;
    }
  }
}
