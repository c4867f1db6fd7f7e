package dev.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

  @Test
  void commitsOnlyUpToTheFirstRecordNotYetDurable() {
    OffsetTracker t = new OffsetTracker();
    t.assigned(0);
    t.started(0, 10);
    t.started(0, 11);
    t.started(0, 12);
    assertThat(t.committable()).isEqualTo(Map.of(0, 10L));
    t.done(0, 11);
    t.done(0, 12);
    assertThat(t.committable()).as("10 still running: nothing past it").isEqualTo(Map.of(0, 10L));
    t.done(0, 10);
    assertThat(t.committable()).as("all done: the next offset to read").isEqualTo(Map.of(0, 13L));
    assertThat(t.inFlight()).isZero();
  }

  @Test
  void reportsOnlyWhatMovedSinceTheLastCommit() {
    OffsetTracker t = new OffsetTracker();
    t.assigned(1);
    t.started(1, 0);
    t.done(1, 0);
    Map<Integer, Long> first = t.committable();
    assertThat(first).isEqualTo(Map.of(1, 1L));
    t.markCommitted(first);
    assertThat(t.committable()).isEmpty();
    t.started(1, 1);
    assertThat(t.committable()).as("offset 1 is in flight: commit position unchanged").isEmpty();
  }

  @Test
  void aRevokedPartitionIsForgottenWithItsRecords() {
    OffsetTracker t = new OffsetTracker();
    t.assigned(2);
    t.assigned(3);
    t.started(2, 5);
    t.started(3, 7);
    t.revoked(2);
    assertThat(t.owns(2)).isFalse();
    assertThat(t.done(2, 5)).as("its record finishing later changes nothing").isFalse();
    assertThat(t.inFlight()).isEqualTo(1);
    assertThat(t.partitions()).containsExactly(3);
    assertThat(t.committable()).isEqualTo(Map.of(3, 7L));
  }

  @Test
  void aRecordSeenTwiceCountsOnce() {
    OffsetTracker t = new OffsetTracker();
    t.assigned(0);
    t.started(0, 3);
    t.started(0, 3);
    assertThat(t.inFlight()).isEqualTo(1);
    assertThat(t.done(0, 3)).isTrue();
    assertThat(t.done(0, 3)).isFalse();
  }
}
