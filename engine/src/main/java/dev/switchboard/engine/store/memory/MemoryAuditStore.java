package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.privacy.ContactSource;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.ErasedRecords;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.privacy.ExportRows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
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

public final class MemoryAuditStore implements AuditStore, ContactSource {
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
  /** The contact's conversation audit, and the operator actions on its outbox commands. */
  @Override
  public Future<JsonObject> export(ContactSubject subject) {
    JsonArray trail = new JsonArray();
    for (ConversationKey key : subject.keys()) {
      list(key).result().forEach(a -> trail.add(ExportRows.audit(a)));
    }
    JsonArray done = new JsonArray();
    synchronized (actions) {
      actions.stream().filter(a -> subject.commandIds().contains(a.subject()))
          .forEach(a -> done.add(ExportRows.action(a)));
    }
    return Future.succeededFuture(new JsonObject().put("audit", trail).put("actions", done));
  }

  /** Audit entries move to the anonymous key (state changes still count); actions lose their subject. */
  @Override
  public Future<Map<String, Integer>> erase(ContactSubject subject, Erasure erasure) {
    int moved = 0;
    for (ConversationKey key : subject.keys()) {
      List<AuditEntry> old = entries.remove(key);
      if (old != null) {
        moved += old.size();
        entries.put(erasure.anonymous(key), new ArrayList<>(old.stream().map(a -> ErasedRecords.audit(a, erasure))
            .toList()));
      }
    }
    int cleared = 0;
    synchronized (actions) {
      Deque<ActionAudit> next = new ArrayDeque<>();
      for (ActionAudit a : actions) {
        boolean mine = subject.commandIds().contains(a.subject());
        cleared += mine ? 1 : 0;
        next.addLast(mine ? new ActionAudit(a.tenantId(), a.action(), Erasure.ERASED, a.actor(), a.at()) : a);
      }
      actions.clear();
      actions.addAll(next);
    }
    return Future.succeededFuture(Map.of("audit", moved, "actions", cleared));
  }
}
