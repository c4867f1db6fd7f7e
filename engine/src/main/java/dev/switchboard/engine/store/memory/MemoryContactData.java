package dev.switchboard.engine.store.memory;

import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.privacy.ContactDataStore;
import dev.switchboard.engine.privacy.ContactRef;
import dev.switchboard.engine.privacy.ContactSource;
import dev.switchboard.engine.privacy.ContactSources;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.Erasure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Data-subject requests over the memory stores. The audit goes before the outbox (its actions are matched by the
 * commands' ids, which the outbox's erase replaces); the integration records (e-mail intake, which the automations
 * share: {@link #integrations()}) come after the outbox, and {@code more} are further participants (e.g. a memory
 * bookings store), run last.
 */
public final class MemoryContactData implements ContactDataStore {
  private final MemoryConversationStore conversations;
  private final MemoryInboxStore inbox;
  private final MemoryOutboxStore outbox;
  private final MemoryIntegrationStore integrations;
  private final List<ContactSource> sources;

  public MemoryContactData(MemoryConversationStore conversations, MemoryInboxStore inbox, MemoryOutboxStore outbox,
                           MemoryAuditStore audit, MemoryIntegrationStore integrations, List<ContactSource> more) {
    this.conversations = conversations;
    this.inbox = inbox;
    this.outbox = outbox;
    this.integrations = integrations;
    List<ContactSource> all = new ArrayList<>(List.of(conversations, audit, outbox, inbox, integrations));
    all.addAll(more);
    this.sources = List.copyOf(all);
  }

  /** The participants, in the order they run. */
  public List<ContactSource> sources() {
    return sources;
  }

  /** The integration records of e-mail intake: the automations must use this one, so that an erase reaches them. */
  public MemoryIntegrationStore integrations() {
    return integrations;
  }

  /** The contact's events, commands and integration records, and the commands its records' steps created. */
  @Override
  public Future<ContactSubject> resolve(ContactRef ref, Set<String> channelIds) {
    ContactSubject subject = ContactSubject.of(ref, conversations.of(ref.tenantId(), ref.ids()), channelIds);
    Set<String> records = integrations.idsOf(subject);
    Set<String> prefixes = new HashSet<>();
    records.forEach(id -> prefixes.add(IntegrationRecord.commandPrefix(ref.tenantId(), id)));
    Set<String> commands = new HashSet<>(outbox.idsOf(subject));
    commands.addAll(outbox.idsStartingWith(prefixes));
    return Future.succeededFuture(subject.withHoldings(inbox.keysOf(subject), commands).withRecords(records));
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
