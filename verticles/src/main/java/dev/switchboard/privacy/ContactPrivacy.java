package dev.switchboard.privacy;

import dev.switchboard.config.ChannelConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.privacy.ContactRef;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.store.ActionAudit;
import dev.switchboard.engine.store.RateBuckets;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.outbound.SandboxLog;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data-subject requests (LGPD art. 18): export everything held about a contact, or erase it everywhere — the stores
 * ({@code Stores.contacts()}: memory, or PostgreSQL plus Redis), the rate-limit buckets and the sandbox log. Each
 * request is audited as an operator action whose subject is a random request id, never the contact.
 */
public final class ContactPrivacy {
  public static final String EXPORT = "contact.export";
  public static final String ERASE = "contact.erase";
  private static final Logger LOG = LoggerFactory.getLogger(ContactPrivacy.class);
  private final Stores stores;
  private final SandboxLog sandbox;
  private final TenantDirectory directory;
  private final Clock clock;

  public ContactPrivacy(Stores stores, SandboxLog sandbox, TenantDirectory directory, Clock clock) {
    this.stores = stores;
    this.sandbox = sandbox;
    this.directory = directory;
    this.clock = clock;
  }

  /** Everything held, by section; a succeeded null when nothing at all is held about the contact. */
  public Future<JsonObject> export(ContactRef ref, String actor) {
    Instant now = clock.instant();
    return resolve(ref).compose(subject -> {
      JsonArray logged = new JsonArray();
      Set<String> addresses = subject.addresses();
      sandbox.list(ref.tenantId(), Integer.MAX_VALUE).stream()
          .filter(e -> addresses.contains(e.recipient()))
          .forEach(e -> logged.add(new JsonObject().put("commandId", e.commandId()).put("channel", e.channelId())
              .put("recipient", e.recipient()).put("text", e.text()).put("at", e.at().toString())));
      if (subject.isEmpty() && logged.isEmpty()) {
        return Future.succeededFuture(null);
      }
      String id = UUID.randomUUID().toString();
      return stores.contacts().export(subject)
          .map(sections -> new JsonObject().put("export", id).put("tenant", ref.tenantId())
              .put("contact", ref.contactId()).put("exportedAt", now.toString()).mergeIn(sections)
              .put("sandbox", logged))
          .compose(body -> audit(ref, EXPORT, "export:" + id, actor, now).map(body));
    }).onFailure(e -> failed("export", ref, e));
  }

  /**
   * Erases the contact everywhere and answers what went, by section. Idempotent: a second call (or a retry after a
   * failure half-way) finds what is left, erases it, and answers zeros for what was already gone.
   */
  public Future<JsonObject> erase(ContactRef ref, String actor) {
    Erasure erasure = Erasure.start(clock.instant());
    return resolve(ref).compose(found -> UpcomingBookings.check(stores.bookings(), found, erasure.at()))
        .compose(subject -> stores.contacts().erase(subject, erasure)
        .compose(counts -> stores.rateLimiter().forget(buckets(subject)).map(counts))
        .map(counts -> {
          Map<String, Integer> all = new LinkedHashMap<>(counts);
          all.put("sandbox", sandbox.forget(ref.tenantId(), subject.addresses()));
          return all;
        }))
        .compose(counts -> audit(ref, ERASE, "erasure:" + erasure.id(), actor, erasure.at()).map(counts))
        .map(counts -> {
          JsonObject erased = new JsonObject();
          counts.forEach(erased::put);
          boolean any = counts.values().stream().anyMatch(n -> n > 0);
          return new JsonObject().put("erasure", erasure.id()).put("tenant", ref.tenantId())
              .put("status", any ? "erased" : "nothing-held").put("erasedAt", erasure.at().toString())
              .put("erased", erased);
        })
        .onFailure(e -> failed("erase", ref, e));
  }

  /** One line where the failure is handled; the cause's type only, since a database message may quote a value. */
  private static void failed(String what, ContactRef ref, Throwable e) {
    LOG.warn("contact {} failed tenant={} cause={}", what, ref.tenantId(), e.getClass().getSimpleName());
  }

  private Future<ContactSubject> resolve(ContactRef ref) {
    Set<String> channels = new LinkedHashSet<>();
    directory.tenant(ref.tenantId()).ifPresent(t -> t.channels().stream().map(ChannelConfig::id)
        .forEach(channels::add));
    return stores.contacts().resolve(ref, channels).map(subject -> {
      Set<String> all = new LinkedHashSet<>(channels);
      subject.keys().forEach(k -> all.add(k.channelId()));
      return all.equals(channels) ? subject : subject.withChannels(all);
    });
  }

  /** The contact's inbound buckets (by conversation) and recipient buckets (by address) on each channel. */
  private static Set<String> buckets(ContactSubject subject) {
    Set<String> names = new LinkedHashSet<>();
    for (ConversationKey key : subject.candidateKeys()) {
      names.add(RateBuckets.inbound(key));
    }
    for (String channel : subject.channelIds()) {
      subject.addresses().forEach(a -> names.add(RateBuckets.recipient(channel, a)));
    }
    return names;
  }

  private Future<Void> audit(ContactRef ref, String action, String subject, String actor, Instant at) {
    return stores.audit().recordAction(new ActionAudit(ref.tenantId(), action, subject, actor, at));
  }
}
