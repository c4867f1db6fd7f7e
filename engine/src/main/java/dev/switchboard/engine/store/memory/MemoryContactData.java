package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.privacy.ContactDataStore;
import dev.switchboard.engine.privacy.ContactRef;
import dev.switchboard.engine.privacy.ContactSource;
import dev.switchboard.engine.privacy.ContactSources;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.Erasure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Data-subject requests over the memory stores. The audit goes before the outbox (its actions are matched by the
 * commands' ids, which the outbox's erase replaces); {@code more} are further participants (e.g. a memory bookings
 * store), run after these.
 */
public final class MemoryContactData implements ContactDataStore {
  private final MemoryConversationStore conversations;
  private final MemoryInboxStore inbox;
  private final MemoryOutboxStore outbox;
  private final List<ContactSource> sources;

  public MemoryContactData(MemoryConversationStore conversations, MemoryInboxStore inbox, MemoryOutboxStore outbox,
                           MemoryAuditStore audit, List<ContactSource> more) {
    this.conversations = conversations;
    this.inbox = inbox;
    this.outbox = outbox;
    List<ContactSource> all = new ArrayList<>(List.of(conversations, audit, outbox, inbox));
    all.addAll(more);
    this.sources = List.copyOf(all);
  }

  /** The participants, in the order they run. */
  public List<ContactSource> sources() {
    return sources;
  }

  @Override
  public Future<ContactSubject> resolve(ContactRef ref, Set<String> channelIds) {
    ContactSubject subject = ContactSubject.of(ref, conversations.of(ref.tenantId(), ref.ids()), channelIds);
    return Future.succeededFuture(subject.withHoldings(inbox.keysOf(subject), outbox.idsOf(subject)));
  }

  @Override
  public Future<JsonObject> export(ContactSubject subject) {
    return ContactSources.exportAll(sources, s -> s.export(subject));
  }

  @Override
  public Future<Map<String, Integer>> erase(ContactSubject subject, Erasure erasure) {
    return ContactSources.eraseAll(sources, s -> s.erase(subject, erasure));
  }
}
