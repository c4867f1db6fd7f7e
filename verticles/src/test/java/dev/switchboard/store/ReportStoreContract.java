package dev.switchboard.store;

import static dev.switchboard.store.PgTestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.report.MetricsDay;
import dev.switchboard.engine.store.ReportStore;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A day of metrics_daily is replaced whole, also when two roll-ups of the same day run at once. */
abstract class ReportStoreContract {
  private static final LocalDate DAY = LocalDate.of(2026, 5, 10);

  abstract ReportStore reports();

  private static MetricsDay row(String tenant, String channel, long in) {
    return new MetricsDay(tenant, DAY, channel, 1, in, in, 0, 0, 1, 1000, 1000L, 1000L, 0, 0, 0);
  }

  @Test
  void concurrentReplacementsOfADayLeaveOneSetOfRows() {
    String tenant = "t-" + UUID.randomUUID();
    List<Future<Void>> all = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      all.add(reports().replaceDay(tenant, DAY, List.of(row(tenant, "wa", i), row(tenant, "tg", i))));
    }
    await(Future.all(all));
    List<MetricsDay> rows = await(reports().daily(tenant, DAY, DAY));
    assertThat(rows).extracting(MetricsDay::channelId).containsExactly("tg", "wa");
    assertThat(rows.get(0).messagesIn()).isEqualTo(rows.get(1).messagesIn());
    await(reports().replaceDay(tenant, DAY, List.of(row(tenant, "wa", 9))));
    assertThat(await(reports().daily(tenant, DAY, DAY))).containsExactly(row(tenant, "wa", 9));
  }
}
