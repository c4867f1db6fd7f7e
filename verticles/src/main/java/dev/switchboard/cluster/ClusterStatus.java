package dev.switchboard.cluster;

import dev.switchboard.engine.health.DependencyCheck;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code /ready} says about the cluster: whether this node is a member (and how many there are), whether
 * Kafka answers, and which session-log partitions this node consumes.
 */
public final class ClusterStatus {
  private final String nodeId;
  private final ClusterManager manager;
  private volatile Set<Integer> partitions = Set.of();

  public ClusterStatus(String nodeId, ClusterManager manager) {
    this.nodeId = nodeId;
    this.manager = manager;
  }

  void partitions(Set<Integer> owned) {
    this.partitions = Set.copyOf(owned);
  }

  public List<DependencyCheck> checks(SessionLog log) {
    DependencyCheck membership = new DependencyCheck("cluster", true,
        () -> manager.isActive() && manager.getNodes().contains(manager.getNodeId())
            ? Future.succeededFuture() : Future.failedFuture("not a cluster member"),
        () -> new JsonObject().put("node", nodeId)
            .put("members", manager.isActive() ? manager.getNodes().size() : 0));
    DependencyCheck kafka = new DependencyCheck("kafka", true, () -> log.probe(),
        () -> new JsonObject().put("topic", log.topic())
            .put("partitions", new JsonArray(List.copyOf(new TreeSet<>(partitions)))));
    return List.of(membership, kafka);
  }
}
