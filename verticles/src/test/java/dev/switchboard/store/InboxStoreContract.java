package dev.switchboard.store;

import static dev.switchboard.store.PgTestDatabase.await;
import static dev.switchboard.store.StoreFixtures.T0;
import static dev.switchboard.store.StoreFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.store.InboxEntry;
import dev.switchboard.engine.store.InboxStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every inbox implementation must do; subclasses supply one. */
abstract class InboxStoreContract {

  abstract InboxStore inbox();

  @Test
  void theInsertIsTheDedupe() {
    InboxEntry e = entry("+5511900000001", "wamid.dedupe", T0);
    assertThat(await(inbox().insertIfAbsent(e))).isTrue();
    assertThat(await(inbox().insertIfAbsent(e))).isFalse();
    await(inbox().markProcessed(List.of(e.dedupeKey())));
    assertThat(await(inbox().insertIfAbsent(e))).isFalse();
  }

  @Test
  void concurrentInsertsOfOneEventHaveExactlyOneWinner() {
    List<Future<Boolean>> attempts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      attempts.add(inbox().insertIfAbsent(entry("+5511900000002", "wamid.race" + (i % 6), T0)));
    }
    await(Future.all(attempts));
    assertThat(attempts.stream().filter(Future::result).count()).isEqualTo(6);
  }

  @Test
  void aRemovedEventIsNewAgain() {
    InboxEntry e = entry("+5511900000003", "wamid.removed", T0);
    await(inbox().insertIfAbsent(e));
    await(inbox().remove(e.dedupeKey()));
    assertThat(await(inbox().insertIfAbsent(e))).isTrue();
  }

  @Test
  void unprocessedEventsComeBackInArrivalOrderWithTheirContent() {
    long before = await(inbox().countUnprocessed());
    List<InboxEntry> entries = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      InboxEntry e = entry("+5511900000004", "wamid.order" + i, T0.plusMillis(i));
      entries.add(e);
      await(inbox().insertIfAbsent(e));
    }
    await(inbox().markProcessed(List.of(entries.get(1).dedupeKey())));
    assertThat(await(inbox().countUnprocessed())).isEqualTo(before + 4);
    List<String> ids = await(inbox().unprocessed(10_000)).stream()
        .filter(e -> e.dedupeKey().contains("wamid.order")).map(e -> e.event().source().eventId()).toList();
    assertThat(ids).containsExactly("wamid.order0", "wamid.order2", "wamid.order3", "wamid.order4");
    InboxEntry back = await(inbox().unprocessed(10_000)).stream()
        .filter(e -> e.dedupeKey().equals(entries.get(0).dedupeKey())).findFirst().orElseThrow();
    assertThat(back.event()).isEqualTo(entries.get(0).event());
    assertThat(((MessageReceived) back.event()).content().text()).isEqualTo("texto wamid.order0");
  }

  @Test
  void retentionPurgesOnlyOldProcessedEventsInBatches() {
    Instant old = T0.minus(Duration.ofDays(400));
    List<InboxEntry> oldDone = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      oldDone.add(entry("+5511900000005", "wamid.purge.done" + i, old.plusMillis(i)));
    }
    InboxEntry oldPending = entry("+5511900000005", "wamid.purge.pending", old);
    InboxEntry recentDone = entry("+5511900000005", "wamid.purge.recent", T0);
    for (InboxEntry e : List.of(oldDone.get(0), oldDone.get(1), oldDone.get(2), oldPending, recentDone)) {
      await(inbox().insertIfAbsent(e));
    }
    List<String> done = new ArrayList<>(oldDone.stream().map(InboxEntry::dedupeKey).toList());
    done.add(recentDone.dedupeKey());
    await(inbox().markProcessed(done));

    Instant cutoff = T0.minus(Duration.ofDays(300));
    assertThat(await(inbox().purgeProcessed(cutoff, 2))).isEqualTo(2);
    assertThat(await(inbox().purgeProcessed(cutoff, 2))).isEqualTo(1);
    assertThat(await(inbox().purgeProcessed(cutoff, 2))).isZero();

    assertThat(await(inbox().processedAmong(done))).containsExactly(recentDone.dedupeKey());
    assertThat(await(inbox().unprocessed(10_000))).extracting(InboxEntry::dedupeKey).contains(oldPending.dedupeKey());
    assertThat(await(inbox().insertIfAbsent(recentDone))).as("recent events are still deduplicated").isFalse();
    assertThat(await(inbox().insertIfAbsent(oldPending))).as("unprocessed events are never purged").isFalse();
    await(inbox().markProcessed(List.of(oldPending.dedupeKey())));
  }
}
