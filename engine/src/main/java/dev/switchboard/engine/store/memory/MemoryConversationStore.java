package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.privacy.ContactSource;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.ErasedRecords;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.privacy.ExportRows;
import dev.switchboard.engine.store.AuditStore;
import dev.switchboard.engine.store.ConversationStore;
import dev.switchboard.engine.store.InboxStore;
import dev.switchboard.engine.store.OutboxStore;
import dev.switchboard.engine.store.SessionStep;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embedded-mode conversations. A commit applies to the sibling memory stores in order; only one session
 * mailbox ever writes a given conversation, so per-conversation consistency holds without a global lock.
 * Each conversation keeps its last {@code maxMessages} messages.
 */
public final class MemoryConversationStore implements ConversationStore, ContactSource {
  private final ConcurrentHashMap<ConversationKey, Conversation> conversations = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ConversationKey, Deque<Turn>> messages = new ConcurrentHashMap<>();
  private final InboxStore inbox;
  private final OutboxStore outbox;
  private final AuditStore audit;
  private final int maxMessages;

  public MemoryConversationStore(InboxStore inbox, OutboxStore outbox, AuditStore audit, int maxMessages) {
    this.inbox = inbox;
    this.outbox = outbox;
    this.audit = audit;
    this.maxMessages = maxMessages;
  }

  @Override
  public Future<Conversation> find(ConversationKey key) {
    return Future.succeededFuture(conversations.get(key));
  }

  @Override
  public Future<Void> commit(SessionStep step) {
    return inbox.processedAmong(step.processedDedupeKeys()).compose(done -> {
      if (!done.isEmpty()) {
        return Future.failedFuture(new SessionStep.AlreadyProcessed(done));
      }
      return apply(step);
    });
  }

  private Future<Void> apply(SessionStep step) {
    ConversationKey key = step.conversation().key();
    conversations.put(key, step.conversation());
    if (!step.messages().isEmpty()) {
      messages.compute(key, (k, log) -> {
        Deque<Turn> next = log == null ? new ArrayDeque<>() : log;
        for (Turn turn : step.messages()) {
          next.addLast(turn);
          if (next.size() > maxMessages) {
            next.removeFirst();
          }
        }
        return next;
      });
    }
    step.audit().forEach(audit::append);
    step.commands().forEach(outbox::addIfAbsent);
    return inbox.markProcessed(step.processedDedupeKeys());
  }

  @Override
  public Future<List<Turn>> messages(ConversationKey key, int limit) {
    List<Turn> copy = new ArrayList<>();
    messages.computeIfPresent(key, (k, log) -> {
      copy.addAll(log);
      return log;
    });
    int from = Math.max(0, copy.size() - limit);
    return Future.succeededFuture(List.copyOf(copy.subList(from, copy.size())));
  }

  @Override
  public Future<List<Conversation>> list(String tenantId, ConversationState state, int limit) {
    return Future.succeededFuture(conversations.values().stream()
        .filter(c -> c.key().tenantId().equals(tenantId))
        .filter(c -> state == null || c.state() == state)
        .sorted(Comparator.comparing(Conversation::lastActivityAt).reversed())
        .limit(limit)
        .toList());
  }

  @Override
  public Future<List<Conversation>> idleSince(Instant cutoff, int limit) {
    return Future.succeededFuture(conversations.values().stream()
        .filter(c -> c.state() != ConversationState.CLOSED)
        .filter(c -> c.lastActivityAt().isBefore(cutoff))
        .limit(limit)
        .toList());
  }
  /** The tenant's conversations with any of {@code contactIds}. */
  public List<Conversation> of(String tenantId, Set<String> contactIds) {
    return conversations.values().stream()
        .filter(c -> c.key().tenantId().equals(tenantId) && contactIds.contains(c.key().contactId()))
        .toList();
  }

  @Override
  public Future<JsonObject> export(ContactSubject subject) {
    JsonArray list = new JsonArray();
    JsonArray texts = new JsonArray();
    for (ConversationKey key : subject.keys()) {
      Conversation c = conversations.get(key);
      if (c != null) {
        list.add(ExportRows.conversation(c));
      }
      messages(key, Integer.MAX_VALUE).result().forEach(t -> texts.add(ExportRows.message(key, t)));
    }
    return Future.succeededFuture(new JsonObject().put("conversations", list).put("messages", texts));
  }

  /** Each conversation and its messages move to the erasure's anonymous key, without text (the counts stay). */
  @Override
  public Future<Map<String, Integer>> erase(ContactSubject subject, Erasure erasure) {
    int erased = 0;
    int texts = 0;
    for (ConversationKey key : subject.keys()) {
      Conversation c = conversations.remove(key);
      if (c != null) {
        erased++;
        conversations.put(erasure.anonymous(key), ErasedRecords.conversation(c, erasure));
      }
      Deque<Turn> log = messages.remove(key);
      if (log != null) {
        Deque<Turn> kept = new ArrayDeque<>();
        log.forEach(t -> kept.addLast(ErasedRecords.turn(t)));
        texts += kept.size();
        messages.put(erasure.anonymous(key), kept);
      }
    }
    return Future.succeededFuture(Map.of("conversations", erased, "messages", texts));
  }
}
