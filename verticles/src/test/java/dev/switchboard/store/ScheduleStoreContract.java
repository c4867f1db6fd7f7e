package dev.switchboard.store;

import static dev.switchboard.store.PgTestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.store.Schedule;
import dev.switchboard.engine.store.ScheduleStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every schedule store must do: each occurrence is claimed once, and the schedule moves on. */
abstract class ScheduleStoreContract {
  private static final Instant T = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  abstract ScheduleStore schedules();

  @Test
  void anOccurrenceIsClaimedOnceAndTheScheduleMovesOn() {
    String id = "job-" + UUID.randomUUID();
    await(schedules().define(new Schedule(id, "acme", "report", Duration.ofMinutes(10), T)));
    assertThat(claimed(T.minusSeconds(1), id)).isEmpty();
    List<Schedule> first = claimed(T, id);
    assertThat(first).singleElement().satisfies(s -> assertThat(s.nextRunAt()).isEqualTo(T));
    assertThat(claimed(T.plusSeconds(1), id)).isEmpty();
    Schedule moved = await(schedules().list()).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    assertThat(moved.nextRunAt()).isEqualTo(T.plus(Duration.ofMinutes(10)));
  }

  @Test
  void concurrentSchedulersShareNoOccurrence() {
    String id = "job-" + UUID.randomUUID();
    await(schedules().define(new Schedule(id, null, "report", Duration.ofMinutes(1), T)));
    List<Future<List<Schedule>>> claims = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      claims.add(schedules().claimDue(T.plusMillis(1), 1000));
    }
    await(Future.all(claims));
    long taken = claims.stream().flatMap(f -> f.result().stream()).filter(s -> s.id().equals(id)).count();
    assertThat(taken).isEqualTo(1);
  }

  @Test
  void aLongDowntimeSkipsToTheNextFutureOccurrence() {
    String id = "job-" + UUID.randomUUID();
    await(schedules().define(new Schedule(id, null, "report", Duration.ofMinutes(1), T.minus(Duration.ofHours(5)))));
    assertThat(claimed(T, id)).hasSize(1);
    assertThat(claimed(T, id)).isEmpty();
    Schedule moved = await(schedules().list()).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    assertThat(moved.nextRunAt()).isEqualTo(T.plus(Duration.ofMinutes(1)));
  }

  @Test
  void redefiningKeepsTheNextOccurrence() {
    String id = "job-" + UUID.randomUUID();
    await(schedules().define(new Schedule(id, null, "report", Duration.ofMinutes(1), T.plusSeconds(30))));
    await(schedules().define(new Schedule(id, null, "report", Duration.ofMinutes(5), T.plusSeconds(300))));
    Schedule s = await(schedules().list()).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    assertThat(s.nextRunAt()).isEqualTo(T.plusSeconds(30));
    assertThat(s.interval()).isEqualTo(Duration.ofMinutes(5));
  }

  private List<Schedule> claimed(Instant now, String id) {
    return await(schedules().claimDue(now, 1000)).stream().filter(s -> s.id().equals(id)).toList();
  }
}
