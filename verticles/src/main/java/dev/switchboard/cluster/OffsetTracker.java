package dev.switchboard.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which offsets of each owned partition may be committed. Records of one partition finish out of order (different
 * conversations run concurrently), so the committable offset is the lowest one still in flight, or one past the
 * highest seen when nothing is: a crash then redelivers only records whose steps might not be durable.
 * Not thread-safe: used from the consumer verticle's event loop only.
 */
final class OffsetTracker {
  private final Map<Integer, TreeSet<Long>> inFlight = new HashMap<>();
  private final Map<Integer, Long> nextToCommit = new HashMap<>();
  private final Map<Integer, Long> committed = new HashMap<>();
  private int total;

  void assigned(int partition) {
    inFlight.putIfAbsent(partition, new TreeSet<>());
  }

  /** Forgets a partition that moved to another node; its unfinished records are that node's now. */
  void revoked(int partition) {
    TreeSet<Long> open = inFlight.remove(partition);
    if (open != null) {
      total -= open.size();
    }
    nextToCommit.remove(partition);
    committed.remove(partition);
  }

  boolean owns(int partition) {
    return inFlight.containsKey(partition);
  }

  Set<Integer> partitions() {
    return Set.copyOf(inFlight.keySet());
  }

  void started(int partition, long offset) {
    TreeSet<Long> open = inFlight.get(partition);
    if (open != null && open.add(offset)) {
      total++;
      nextToCommit.merge(partition, offset + 1, Math::max);
    }
  }

  /** True when the record was still tracked (its partition is still ours). */
  boolean done(int partition, long offset) {
    TreeSet<Long> open = inFlight.get(partition);
    if (open != null && open.remove(offset)) {
      total--;
      return true;
    }
    return false;
  }

  int inFlight() {
    return total;
  }

  /** Offsets (the next record to read, Kafka's convention) that moved since the last {@link #markCommitted}. */
  Map<Integer, Long> committable() {
    Map<Integer, Long> out = new HashMap<>();
    inFlight.forEach((partition, open) -> {
      Long next = open.isEmpty() ? nextToCommit.get(partition) : open.first();
      if (next != null && !next.equals(committed.get(partition))) {
        out.put(partition, next);
      }
    });
    return out;
  }

  void markCommitted(Map<Integer, Long> offsets) {
    offsets.forEach((partition, offset) -> {
      if (inFlight.containsKey(partition)) {
        committed.merge(partition, offset, Math::max);
      }
    });
  }
}
