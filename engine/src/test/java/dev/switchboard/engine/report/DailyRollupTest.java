package dev.switchboard.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyRollupTest {
  private static final ZoneId SP = ZoneId.of("America/Sao_Paulo");
  private static final LocalDate DAY = LocalDate.of(2026, 5, 10);

  private static ActivityFacts.MessageFact in(String c, String channel, String at) {
    return new ActivityFacts.MessageFact(c, channel, true, Instant.parse(at));
  }

  private static ActivityFacts.MessageFact out(String c, String channel, String at) {
    return new ActivityFacts.MessageFact(c, channel, false, Instant.parse(at));
  }

  @Test
  void countsTheDayInTheTenantsZonePerChannel() {
    var facts = new ActivityFacts(List.of(
        // 02:59 UTC on the 10th is still the 9th in São Paulo: not counted.
        in("a", "wa", "2026-05-10T02:59:00Z"),
        in("a", "wa", "2026-05-10T12:00:00Z"), out("a", "wa", "2026-05-10T12:00:04Z"),
        in("a", "wa", "2026-05-10T12:01:00Z"), out("a", "wa", "2026-05-10T12:01:02Z"),
        in("b", "wa", "2026-05-10T13:00:00Z"), out("b", "wa", "2026-05-10T13:00:10Z"),
        // Asked at 23:59 local, answered after midnight: the first response still counts on the 10th.
        in("c", "tg", "2026-05-11T02:59:00Z"), out("c", "tg", "2026-05-11T03:01:00Z")),
        List.of(new ActivityFacts.TransitionFact("b", "wa", "HUMAN", "HUMAN_REQUESTED", Instant.parse("2026-05-10T13:02:00Z")),
            // Another agent taking over a conversation a person has is not one more hand-off.
            new ActivityFacts.TransitionFact("b", "wa", "HUMAN", "AGENT_CLAIM", Instant.parse("2026-05-10T13:30:00Z")),
            new ActivityFacts.TransitionFact("b", "wa", "BOT", "AGENT_HANDBACK", Instant.parse("2026-05-10T14:00:00Z")),
            new ActivityFacts.TransitionFact("a", "wa", "BOT", "AI_FALLBACK", Instant.parse("2026-05-10T12:01:02Z"))),
        List.of(new ActivityFacts.ActionFact("ops-trello", true, "SENT", Instant.parse("2026-05-10T15:00:00Z")),
            new ActivityFacts.ActionFact("ops-trello", true, "DEAD", Instant.parse("2026-05-10T15:00:00Z")),
            new ActivityFacts.ActionFact("wa", false, "SENT", Instant.parse("2026-05-10T15:00:00Z"))));
    List<MetricsDay> rows = DailyRollup.compute("acme", DAY, SP, facts);
    assertThat(rows).extracting(MetricsDay::channelId).containsExactly("ops-trello", "tg", "wa");
    MetricsDay wa = rows.get(2);
    assertThat(wa.conversations()).isEqualTo(2);
    assertThat(wa.messagesIn()).isEqualTo(3);
    assertThat(wa.messagesOut()).isEqualTo(3);
    assertThat(wa.handoffs()).isEqualTo(1);
    assertThat(wa.aiFallbacks()).isEqualTo(1);
    assertThat(wa.firstResponses()).isEqualTo(2);
    assertThat(wa.firstResponseSumMs()).isEqualTo(14_000);
    assertThat(wa.firstResponseP50Ms()).isEqualTo(4_000);
    assertThat(wa.firstResponseP90Ms()).isEqualTo(10_000);
    MetricsDay tg = rows.get(1);
    assertThat(tg.messagesIn()).isEqualTo(1);
    assertThat(tg.messagesOut()).isZero();
    assertThat(tg.firstResponseP50Ms()).isEqualTo(120_000);
    MetricsDay trello = rows.get(0);
    assertThat(trello.actionsSent()).isEqualTo(1);
    assertThat(trello.actionsFailed()).isEqualTo(1);
    assertThat(trello.messagesIn()).isZero();
    // The same facts give the same rows: a re-run of the day is idempotent.
    assertThat(DailyRollup.compute("acme", DAY, SP, facts)).isEqualTo(rows);
  }

  @Test
  void nearestRankPercentiles() {
    assertThat(DailyRollup.percentile(List.of(), 50)).isNull();
    assertThat(DailyRollup.percentile(List.of(7L), 90)).isEqualTo(7L);
    assertThat(DailyRollup.percentile(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 90)).isEqualTo(9L);
  }
}
