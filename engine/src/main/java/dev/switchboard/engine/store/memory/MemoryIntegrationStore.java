package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import dev.switchboard.engine.privacy.ContactSource;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.ErasedRecords;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.privacy.ExportRows;
import dev.switchboard.engine.store.IntegrationStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Integration records in memory (embedded mode). Also a participant of the memory erase: a contact's records are
 * those it sent (the sender address, any case) or whose mail or extracted fields name one of its addresses.
 */
public final class MemoryIntegrationStore implements IntegrationStore, ContactSource {
  private final Map<String, IntegrationRecord> records = new LinkedHashMap<>();

  @Override
  public synchronized Future<Boolean> addIfAbsent(IntegrationRecord record) {
    return Future.succeededFuture(records.putIfAbsent(record.id(), record) == null);
  }

  @Override
  public synchronized Future<IntegrationRecord> get(String id) {
    return Future.succeededFuture(records.get(id));
  }

  @Override
  public synchronized Future<Boolean> replace(IntegrationRecord next) {
    IntegrationRecord current = records.get(next.id());
    if (current == null || current.version() != next.version() - 1) {
      return Future.succeededFuture(false);
    }
    records.put(next.id(), next);
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<List<IntegrationRecord>> list(Query q) {
    return Future.succeededFuture(records.values().stream()
        .filter(r -> q.tenantId() == null || q.tenantId().equals(r.tenantId()))
        .filter(r -> q.status() == null || q.status() == r.status())
        .filter(r -> q.from() == null || !r.createdAt().isBefore(q.from()))
        .filter(r -> q.to() == null || r.createdAt().isBefore(q.to()))
        .sorted(Comparator.comparing(IntegrationRecord::createdAt).reversed().thenComparing(IntegrationRecord::id))
        .limit(q.limit()).toList());
  }

  @Override
  public synchronized Future<List<IntegrationRecord>> pending(Instant afterUpdatedAt, String afterId, int limit) {
    Comparator<IntegrationRecord> order = Comparator.comparing(IntegrationRecord::updatedAt)
        .thenComparing(IntegrationRecord::id);
    return Future.succeededFuture(records.values().stream().filter(r -> r.status() == IntegrationStatus.PENDING)
        .filter(r -> afterUpdatedAt == null || r.updatedAt().isAfter(afterUpdatedAt)
            || r.updatedAt().equals(afterUpdatedAt) && r.id().compareTo(afterId) > 0)
        .sorted(order).limit(limit).toList());
  }

  /** Ids of the tenant's records that belong to the contact. */
  public synchronized Set<String> idsOf(ContactSubject subject) {
    Set<String> ids = new LinkedHashSet<>();
    Set<String> senders = new LinkedHashSet<>();
    subject.ref().ids().forEach(a -> senders.add(a.toLowerCase(Locale.ROOT)));
    records.values().stream().filter(r -> r.tenantId().equals(subject.ref().tenantId()))
        .filter(r -> subject.recordIds().contains(r.id()) || r.contact() != null && senders.contains(r.contact())
            || subject.mentionedIn(r.source()) || subject.mentionedIn(r.data()))
        .sorted(Comparator.comparing(IntegrationRecord::createdAt)).forEach(r -> ids.add(r.id()));
    return ids;
  }

  @Override
  public synchronized Future<JsonObject> export(ContactSubject subject) {
    JsonArray list = new JsonArray();
    idsOf(subject).forEach(id -> list.add(ExportRows.integration(records.get(id))));
    return Future.succeededFuture(new JsonObject().put("integrations", list));
  }

  @Override
  public synchronized Future<Map<String, Integer>> erase(ContactSubject subject, Erasure erasure) {
    int erased = 0;
    for (String id : idsOf(subject)) {
      IntegrationRecord r = records.get(id);
      if (!ErasedRecords.erased(r)) {
        records.put(id, ErasedRecords.integration(r));
        erased++;
      }
    }
    return Future.succeededFuture(Map.of("integrations", erased));
  }
}
