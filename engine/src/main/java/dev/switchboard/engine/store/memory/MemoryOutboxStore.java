package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.privacy.ContactSource;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.ErasedRecords;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.privacy.ExportRows;
import dev.switchboard.engine.bus.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.store.OutboxStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.Set;

public final class MemoryOutboxStore implements OutboxStore, ContactSource {
  private final ConcurrentHashMap<String, OutboundCommand> commands = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> byProviderId = new ConcurrentHashMap<>();
  /** Ids of commands not yet settled: the due scan runs every second and must not walk every command ever sent. */
  private final Set<String> open = ConcurrentHashMap.newKeySet();

  @Override
  public Future<Boolean> addIfAbsent(OutboundCommand command) {
    boolean fresh = commands.putIfAbsent(command.id(), command) == null;
    if (fresh && unsettled(command)) {
      open.add(command.id());
    }
    return Future.succeededFuture(fresh);
  }

  private static boolean unsettled(OutboundCommand c) {
    return c.status() == CommandStatus.PENDING || c.status() == CommandStatus.RETRY
        || c.status() == CommandStatus.SENDING;
  }

  @Override
  public Future<OutboundCommand> get(String id) {
    return Future.succeededFuture(commands.get(id));
  }

  @Override
  public Future<List<OutboundCommand>> getAll(List<String> ids) {
    return Future.succeededFuture(ids.stream().map(commands::get).filter(c -> c != null).toList());
  }

  @Override
  public Future<Boolean> transition(CommandStatus expected, OutboundCommand next) {
    boolean[] applied = {false};
    commands.computeIfPresent(next.id(), (id, current) -> {
      if (current.status() != expected) {
        return current;
      }
      applied[0] = true;
      if (unsettled(next)) {
        open.add(id);
      } else {
        open.remove(id);
      }
      return next;
    });
    if (applied[0] && next.providerMessageId() != null) {
      byProviderId.put(next.providerMessageId(), next.id());
    }
    return Future.succeededFuture(applied[0]);
  }

  @Override
  public Future<OutboundCommand> applyDelivery(String providerMessageId, UnaryOperator<OutboundCommand> change) {
    String id = byProviderId.get(providerMessageId);
    return Future.succeededFuture(id == null ? null : commands.computeIfPresent(id, (k, c) -> change.apply(c)));
  }

  @Override
  public Future<List<OutboundCommand>> list(String tenantId, CommandStatus status, int limit) {
    return Future.succeededFuture(commands.values().stream()
        .filter(c -> tenantId == null || c.key().tenantId().equals(tenantId))
        .filter(c -> status == null || c.status() == status)
        .sorted(Comparator.comparing(OutboundCommand::createdAt).reversed())
        .limit(limit)
        .toList());
  }

  @Override
  public Future<Integer> purgeSettled(Instant before, int limit) {
    int purged = 0;
    for (OutboundCommand c : commands.values()) {
      if (purged >= limit) {
        break;
      }
      if (!unsettled(c) && c.createdAt().isBefore(before) && commands.remove(c.id(), c)) {
        if (c.providerMessageId() != null) {
          byProviderId.remove(c.providerMessageId(), c.id());
        }
        purged++;
      }
    }
    return Future.succeededFuture(purged);
  }

  @Override
  public Future<List<OutboundCommand>> openBefore(ConversationKey key, Instant createdAt, String id, int limit) {
    Comparator<OutboundCommand> order = Comparator.comparing(OutboundCommand::createdAt)
        .thenComparing(OutboundCommand::id);
    return Future.succeededFuture(open.stream().map(commands::get)
        .filter(c -> c != null && unsettled(c) && c.key().equals(key)
            && (c.createdAt().isBefore(createdAt) || c.createdAt().equals(createdAt) && c.id().compareTo(id) < 0))
        .sorted(order)
        .limit(limit)
        .toList());
  }

  @Override
  public Future<List<OutboundCommand>> due(Instant now, int limit) {
    return Future.succeededFuture(open.stream().map(commands::get)
        .filter(c -> c != null && unsettled(c))
        .filter(c -> c.nextAttemptAt() == null || !c.nextAttemptAt().isAfter(now))
        .sorted(Comparator.comparing(OutboundCommand::createdAt))
        .limit(limit)
        .toList());
  }
  /**
   * Ids of the commands that belong to the contact: on its conversations, sent to one of its addresses, or an
   * integration action whose payload names it. (Only integration payloads are searched as JSON: serialising every
   * command of a full outbox would hold the event loop, and a reply to someone else does not carry this contact.)
   */
  public Set<String> idsOf(ContactSubject subject) {
    Set<ConversationKey> keys = subject.candidateKeys();
    Set<String> addresses = subject.addresses();
    Set<String> ids = new HashSet<>();
    commands.values().stream()
        .filter(c -> c.key().tenantId().equals(subject.ref().tenantId()))
        .filter(c -> keys.contains(c.key()) || addresses.contains(c.recipient())
            || c.channelType() == null && subject.mentionedIn(Json.write(c.payload()) + " " + c.key().asString()))
        .forEach(c -> ids.add(c.id()));
    return ids;
  }

  /** Ids of the commands whose id starts with one of {@code prefixes} (an integration record's steps). */
  public Set<String> idsStartingWith(Set<String> prefixes) {
    Set<String> ids = new HashSet<>();
    commands.keySet().stream().filter(id -> prefixes.stream().anyMatch(id::startsWith)).forEach(ids::add);
    return ids;
  }

  @Override
  public Future<JsonObject> export(ContactSubject subject) {
    JsonArray list = new JsonArray();
    subject.commandIds().stream().map(commands::get).filter(c -> c != null)
        .sorted(Comparator.comparing(OutboundCommand::createdAt)).forEach(c -> list.add(ExportRows.record(c)));
    return Future.succeededFuture(new JsonObject().put("outbox", list));
  }

  /** Pending, sent and dead commands alike are kept for the counts under a fresh id, with no text or address. */
  @Override
  public Future<Map<String, Integer>> erase(ContactSubject subject, Erasure erasure) {
    int erased = 0;
    for (String id : subject.commandIds()) {
      OutboundCommand c = commands.remove(id);
      if (c == null) {
        continue;
      }
      erased++;
      open.remove(id);
      if (c.providerMessageId() != null) {
        byProviderId.remove(c.providerMessageId(), id);
      }
      OutboundCommand kept = ErasedRecords.command(c, erasure.commandId(c.key().tenantId()), erasure);
      commands.put(kept.id(), kept);
    }
    return Future.succeededFuture(Map.of("outbox", erased));
  }
}
