package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import dev.switchboard.engine.automation.MailSource;
import dev.switchboard.engine.store.IntegrationStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Integration records in memory (embedded mode). */
public final class MemoryIntegrationStore implements IntegrationStore {
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

  @Override
  public synchronized Future<List<IntegrationRecord>> byContact(String tenantId, String contact) {
    String wanted = contact.toLowerCase(Locale.ROOT);
    return Future.succeededFuture(records.values().stream()
        .filter(r -> r.tenantId().equals(tenantId) && wanted.equals(r.contact()))
        .sorted(Comparator.comparing(IntegrationRecord::createdAt)).toList());
  }

  @Override
  public synchronized Future<Integer> anonymise(String tenantId, String contact) {
    List<IntegrationRecord> found = byContact(tenantId, contact).result();
    for (IntegrationRecord r : found) {
      records.put(r.id(), new IntegrationRecord(r.id(), r.tenantId(), r.channelId(), r.sourceId(), r.ruleId(),
          r.status(), r.step(), null, MailSource.unparseable("erased").json(), null, List.of(), r.waitingOn(),
          r.version() + 1, r.createdAt(), r.updatedAt(), r.log()));
    }
    return Future.succeededFuture(found.size());
  }
}
