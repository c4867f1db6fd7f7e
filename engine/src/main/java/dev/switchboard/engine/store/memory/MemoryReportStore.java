package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.report.ActivityFacts;
import dev.switchboard.engine.report.MetricsDay;
import dev.switchboard.engine.store.AuditStore;
import dev.switchboard.engine.store.ConversationStore;
import dev.switchboard.engine.store.OutboxStore;
import dev.switchboard.engine.store.ReportStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports over the memory stores: reads them through their own ports (so it sees what they keep: memory mode
 * keeps the last {@code messagesPerConversation} messages of each conversation), and keeps the roll-up rows.
 */
public final class MemoryReportStore implements ReportStore {
  private static final int ALL = Integer.MAX_VALUE;
  private final ConversationStore conversations;
  private final AuditStore audit;
  private final OutboxStore outbox;
  private final Map<String, List<MetricsDay>> days = new ConcurrentHashMap<>();

  public MemoryReportStore(ConversationStore conversations, AuditStore audit, OutboxStore outbox) {
    this.conversations = conversations;
    this.audit = audit;
    this.outbox = outbox;
  }

  @Override
  public Future<ActivityFacts> activity(String tenantId, Instant from, Instant to) {
    List<ActivityFacts.MessageFact> messages = new ArrayList<>();
    List<ActivityFacts.TransitionFact> transitions = new ArrayList<>();
    List<ActivityFacts.ActionFact> actions = new ArrayList<>();
    return conversations.list(tenantId, null, ALL).compose(list -> {
      Future<Void> all = Future.succeededFuture();
      for (Conversation c : list) {
        String key = c.key().asString();
        String channel = c.key().channelId();
        all = all.compose(v -> conversations.messages(c.key(), ALL)).compose(turns -> {
          for (Turn t : turns) {
            if (within(t.at(), from, to)) {
              messages.add(new ActivityFacts.MessageFact(key, channel, t.direction() == Direction.INBOUND, t.at()));
            }
          }
          return audit.list(c.key());
        }).map(entries -> {
          for (AuditEntry a : entries) {
            if (within(a.at(), from, to)) {
              transitions.add(new ActivityFacts.TransitionFact(key, channel, a.to().name(), a.trigger().name(),
                  a.at()));
            }
          }
          return null;
        });
      }
      for (CommandStatus status : CommandStatus.values()) {
        all = all.compose(v -> outbox.list(tenantId, status, ALL)).map(commands -> {
          for (OutboundCommand command : commands) {
            if (within(command.createdAt(), from, to)) {
              actions.add(new ActivityFacts.ActionFact(command.key().channelId(), command.channelType() == null,
                  command.status().name(), command.createdAt()));
            }
          }
          return null;
        });
      }
      return all;
    }).map(v -> new ActivityFacts(messages, transitions, actions));
  }

  private static boolean within(Instant at, Instant from, Instant to) {
    return !at.isBefore(from) && at.isBefore(to);
  }

  @Override
  public Future<Void> replaceDay(String tenantId, LocalDate day, List<MetricsDay> rows) {
    days.put(tenantId + '|' + day, List.copyOf(rows));
    return Future.succeededFuture();
  }

  @Override
  public Future<List<MetricsDay>> daily(String tenantId, LocalDate from, LocalDate to) {
    List<MetricsDay> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      out.addAll(days.getOrDefault(tenantId + '|' + d, List.of()));
    }
    out.sort(Comparator.comparing(MetricsDay::day).thenComparing(MetricsDay::channelId));
    return Future.succeededFuture(out);
  }
}
