package dev.switchboard.cluster;

import dev.switchboard.config.ClusterConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Owns this node's session-log producer and reply address for as long as the engine is deployed, so they are
 * opened before anything appends and closed when Vert.x closes (an unclosed Kafka client can hang shutdown).
 */
public final class SessionLogVerticle extends VerticleBase {
  private static final long REPLY_TIMEOUT_MS = 10_000;
  private final ClusterConfig cluster;
  private SessionLog log;
  private KafkaSessionGateway gateway;

  public SessionLogVerticle(ClusterConfig cluster) {
    this.cluster = cluster;
  }

  @Override
  public Future<?> start() {
    return SessionLog.open(vertx, cluster.kafka()).compose(opened -> {
      log = opened;
      gateway = new KafkaSessionGateway(vertx, opened, cluster.nodeId(), REPLY_TIMEOUT_MS);
      return gateway.start();
    });
  }

  @Override
  public Future<?> stop() {
    return gateway.stop().eventually(() -> log.close());
  }

  public SessionLog log() {
    return log;
  }

  public KafkaSessionGateway gateway() {
    return gateway;
  }
}
