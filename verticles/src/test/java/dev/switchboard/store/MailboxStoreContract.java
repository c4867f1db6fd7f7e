package dev.switchboard.store;

import static dev.switchboard.store.PgTestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.store.MailboxStore;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One node holds a mailbox at a time; the position is written only by the holder and survives hand-overs. */
abstract class MailboxStoreContract {
  static final Instant T0 = Instant.parse("2026-12-02T13:00:00Z");
  private final String box = "box-" + UUID.randomUUID().toString().substring(0, 8);

  abstract MailboxStore store();

  @Test
  void oneNodeHoldsTheLeaseUntilItRunsOutOrIsReleased() {
    assertThat(await(store().get(box))).isNull();
    assertThat(await(store().claim(box, "n1", T0.plusSeconds(30), T0))).isTrue();
    assertThat(await(store().claim(box, "n2", T0.plusSeconds(40), T0.plusSeconds(10)))).isFalse();
    assertThat(await(store().claim(box, "n1", T0.plusSeconds(60), T0.plusSeconds(20)))).isTrue();
    assertThat(await(store().claim(box, "n2", T0.plusSeconds(90), T0.plusSeconds(50)))).isFalse();
    // n1 stopped renewing: once its lease is over, n2 takes the mailbox.
    assertThat(await(store().claim(box, "n2", T0.plusSeconds(100), T0.plusSeconds(61)))).isTrue();
    assertThat(await(store().get(box)).owner()).isEqualTo("n2");
    await(store().release(box, "n1"));
    assertThat(await(store().get(box)).owner()).isEqualTo("n2");
    await(store().release(box, "n2"));
    assertThat(await(store().claim(box, "n1", T0.plusSeconds(120), T0.plusSeconds(70)))).isTrue();
  }

  @Test
  void onlyTheHolderAdvancesThePositionAndItSurvivesAHandOver() {
    await(store().claim(box, "n1", T0.plusSeconds(30), T0));
    assertThat(await(store().advance(box, "n1", 1700000001L, 42))).isTrue();
    assertThat(await(store().advance(box, "n2", 1700000001L, 99))).isFalse();
    assertThat(await(store().claim(box, "n2", T0.plusSeconds(90), T0.plusSeconds(31)))).isTrue();
    MailboxStore.State state = await(store().get(box));
    assertThat(state.uidValidity()).isEqualTo(1700000001L);
    assertThat(state.lastUid()).isEqualTo(42);
    assertThat(await(store().advance(box, "n1", 1700000001L, 50))).isFalse();
  }
}
