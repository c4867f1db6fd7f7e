package dev.switchboard.engine.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rolls one tenant's day up into {@link MetricsDay} rows, one per channel (and per integration for actions). A pure
 * function of the facts, so re-running a day gives the same rows. Facts are read from the day's start to one day
 * after its end, so a question asked at 23:59 and answered at 00:01 still has its first-response time (counted on
 * the day it was asked); everything else counts only what happened within the day.
 */
public final class DailyRollup {
  private DailyRollup() {
  }

  /** The instants the facts must cover for {@code day}: its start, and the end of the following day. */
  public static Instant[] window(LocalDate day, ZoneId zone) {
    return new Instant[] {day.atStartOfDay(zone).toInstant(), day.plusDays(2).atStartOfDay(zone).toInstant()};
  }

  public static List<MetricsDay> compute(String tenantId, LocalDate day, ZoneId zone, ActivityFacts facts) {
    Instant start = day.atStartOfDay(zone).toInstant();
    Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
    Map<String, Counters> byChannel = new TreeMap<>();
    // Messages ordered in time per conversation: first inbound of the day, then the first outbound after it.
    Map<String, Instant> firstInbound = new HashMap<>();
    Map<String, Instant> firstAnswer = new HashMap<>();
    Map<String, String> channelOf = new HashMap<>();
    List<ActivityFacts.MessageFact> messages = new ArrayList<>(facts.messages());
    messages.sort((a, b) -> a.at().compareTo(b.at()));
    for (var m : messages) {
      boolean inDay = within(m.at(), start, end);
      channelOf.put(m.conversationKey(), m.channelId());
      if (inDay) {
        Counters c = byChannel.computeIfAbsent(m.channelId(), k -> new Counters());
        if (m.inbound()) {
          c.messagesIn++;
          c.conversations.add(m.conversationKey());
        } else {
          c.messagesOut++;
        }
      }
      if (m.inbound() && inDay) {
        firstInbound.putIfAbsent(m.conversationKey(), m.at());
      } else if (!m.inbound() && firstInbound.containsKey(m.conversationKey())
          && !m.at().isBefore(firstInbound.get(m.conversationKey()))) {
        firstAnswer.putIfAbsent(m.conversationKey(), m.at());
      }
    }
    firstAnswer.forEach((conversation, answered) -> byChannel.computeIfAbsent(channelOf.get(conversation),
        k -> new Counters()).responseMs.add(Duration.between(firstInbound.get(conversation), answered).toMillis()));
    for (var t : facts.transitions()) {
      if (!within(t.at(), start, end)) {
        continue;
      }
      Counters c = byChannel.computeIfAbsent(t.channelId(), k -> new Counters());
      if ("HUMAN".equals(t.toState()) && !"AGENT_HANDBACK".equals(t.trigger()) && !"AGENT_CLAIM".equals(t.trigger())) {
        c.handoffs++;
      } else if ("AI_FALLBACK".equals(t.trigger())) {
        c.aiFallbacks++;
      }
    }
    for (var a : facts.actions()) {
      if (!a.integration() || !within(a.at(), start, end)) {
        continue;
      }
      Counters c = byChannel.computeIfAbsent(a.target(), k -> new Counters());
      switch (a.status()) {
        case "SENT" -> c.actionsSent++;
        case "DEAD", "FAILED", "CANCELLED" -> c.actionsFailed++;
        default -> c.actionsPending++;
      }
    }
    List<MetricsDay> rows = new ArrayList<>();
    byChannel.forEach((channel, c) -> rows.add(c.row(tenantId, day, channel)));
    return rows;
  }

  private static boolean within(Instant at, Instant start, Instant end) {
    return !at.isBefore(start) && at.isBefore(end);
  }

  private static final class Counters {
    final Set<String> conversations = new HashSet<>();
    final List<Long> responseMs = new ArrayList<>();
    long messagesIn;
    long messagesOut;
    long handoffs;
    long aiFallbacks;
    long actionsSent;
    long actionsFailed;
    long actionsPending;

    MetricsDay row(String tenantId, LocalDate day, String channel) {
      responseMs.sort(Long::compare);
      return new MetricsDay(tenantId, day, channel, conversations.size(), messagesIn, messagesOut, handoffs,
          aiFallbacks, responseMs.size(), responseMs.stream().mapToLong(Long::longValue).sum(),
          percentile(responseMs, 50), percentile(responseMs, 90), actionsSent,
          actionsFailed, actionsPending);
    }
  }

  /** Nearest-rank percentile of sorted values; null for none. */
  static Long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
