package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.store.ActionAudit;
import dev.switchboard.engine.store.AuditStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ArrayDeque;
import java.util.Deque;

public final class MemoryAuditStore implements AuditStore {
  private final ConcurrentHashMap<ConversationKey, List<AuditEntry>> entries = new ConcurrentHashMap<>();
  private final Deque<ActionAudit> actions = new ArrayDeque<>();

  @Override
  public Future<Void> append(AuditEntry entry) {
    entries.compute(entry.key(), (k, list) -> {
      List<AuditEntry> next = list == null ? new ArrayList<>() : list;
      next.add(entry);
      return next;
    });
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> recordAction(ActionAudit action) {
    synchronized (actions) {
      actions.addFirst(action);
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<List<ActionAudit>> actions(String tenantId, int limit) {
    synchronized (actions) {
      return Future.succeededFuture(actions.stream().filter(a -> a.tenantId().equals(tenantId)).limit(limit).toList());
    }
  }

  @Override
  public Future<List<AuditEntry>> list(ConversationKey key) {
    List<AuditEntry>[] copy = new List[1];
    entries.computeIfPresent(key, (k, list) -> {
      copy[0] = List.copyOf(list);
      return list;
    });
    return Future.succeededFuture(copy[0] == null ? List.of() : copy[0]);
  }
}
