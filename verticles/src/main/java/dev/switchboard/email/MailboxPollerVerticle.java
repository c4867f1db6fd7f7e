package dev.switchboard.email;

import dev.switchboard.automation.AutomationMetrics;
import dev.switchboard.automation.MailIntake;
import dev.switchboard.config.MailboxConfig;
import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.store.MailboxStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the tenants' IMAP mailboxes. Each poll first takes or renews the mailbox's lease in the store (one node at a
 * time polls a mailbox; when it stops renewing, another takes over once the lease runs out), then reads on a worker
 * thread what came after the last UID, hands every mail to the intake (which makes each Message-ID one record),
 * and only then records the new position: a crash in between reads the same mail again, and the intake drops the
 * repeats.
 */
public final class MailboxPollerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(MailboxPollerVerticle.class);
  private final TenantDirectory directory;
  private final MailboxStore store;
  private final MailIntake intake;
  private final Clock clock;
  private final String node;
  private final AutomationMetrics metrics;
  /** How often the mailboxes' intervals are looked at. */
  private static final long TICK_MS = 100;
  private final Set<String> polling = new HashSet<>();
  private final Set<String> again = new HashSet<>();
  private final Map<String, Long> lastPoll = new HashMap<>();
  private final Set<String> warnedTwice = new HashSet<>();
  private final Set<String> held = new HashSet<>();
  private final Map<String, ImapIdle> idles = new HashMap<>();
  private long timer = -1;

  public MailboxPollerVerticle(TenantDirectory directory, MailboxStore store, MailIntake intake, Clock clock,
                               String node, AutomationMetrics metrics) {
    this.metrics = metrics;
    this.directory = directory;
    this.store = store;
    this.intake = intake;
    this.clock = clock;
    this.node = node;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(TICK_MS, t -> tick());
    vertx.setTimer(1, t -> tick());
    return Future.succeededFuture();
  }

  /** Gives the leases back, so another node takes the mailboxes over at once. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    idles.values().forEach(ImapIdle::close);
    idles.clear();
    List<Future<Void>> released = new ArrayList<>();
    held.forEach(id -> released.add(store.release(id, node)));
    return Future.join(released).otherwiseEmpty();
  }

  /**
   * Polls every mailbox whose interval is over, as the directory has them now: a configuration reload that adds,
   * changes or removes a mailbox takes effect at the next tick. A mailbox id configured twice is polled for the
   * first tenant only (and said so once).
   */
  private void tick() {
    long now = System.nanoTime();
    Set<String> seen = new HashSet<>();
    for (TenantConfig tenant : directory.tenants()) {
      for (MailboxConfig box : tenant.mailboxes()) {
        if (!seen.add(box.id())) {
          if (warnedTwice.add(box.id())) {
            LOG.warn("mailbox id {} is configured twice; only one tenant's is read", box.id());
          }
          continue;
        }
        Long last = lastPoll.get(box.id());
        if (last == null || now - last >= box.pollMs() * 1_000_000L) {
          lastPoll.put(box.id(), now);
          poll(tenant.id(), box.id(), false);
        }
      }
    }
    lastPoll.keySet().retainAll(seen);
    idles.keySet().removeIf(id -> {
      if (!seen.contains(id)) {
        idles.get(id).close();
        return true;
      }
      return false;
    });
  }

  /** The IDLE of a mailbox this node holds; none for one it lost or that does not ask for it. */
  private void idle(TenantConfig tenant, MailboxConfig box, boolean holding) {
    ImapIdle current = idles.get(box.id());
    if (holding && box.idle() && current == null) {
      Context context = vertx.getOrCreateContext();
      idles.put(box.id(), new ImapIdle(box, () -> context.runOnContext(v -> {
        lastPoll.put(box.id(), System.nanoTime());
        poll(tenant.id(), box.id(), true);
      })));
    } else if ((!holding || !box.idle()) && current != null) {
      idles.remove(box.id()).close();
    }
  }

  /** {@code urgent}: the server said new mail came (IDLE); if a poll is under way, another follows it. */
  private void poll(String tenantId, String mailboxId, boolean urgent) {
    // The configuration may have been reloaded: read the mailbox as it is now.
    TenantConfig tenant = directory.tenant(tenantId).orElse(null);
    MailboxConfig box = tenant == null ? null : tenant.mailboxes().stream().filter(b -> b.id().equals(mailboxId))
        .findFirst().orElse(null);
    if (box == null) {
      return;
    }
    if (!polling.add(mailboxId)) {
      if (urgent) {
        again.add(mailboxId);
      }
      return;
    }
    Instant now = clock.instant();
    store.claim(mailboxId, node, now.plusMillis(box.leaseMs()), now).compose(won -> {
      idle(tenant, box, won);
      if (!won) {
        metrics.poll(tenantId, mailboxId, "not_held");
        if (held.remove(mailboxId)) {
          LOG.info("mailbox {} is polled by another node now", mailboxId);
        }
        return Future.succeededFuture();
      }
      if (held.add(mailboxId)) {
        LOG.info("mailbox {} polled by this node {}", mailboxId, node);
      }
      return store.get(mailboxId).compose(state -> read(tenant, box, state));
    }).onComplete(ar -> {
      polling.remove(mailboxId);
      if (again.remove(mailboxId)) {
        poll(tenantId, mailboxId, false);
      }
      if (ar.failed()) {
        metrics.poll(tenantId, mailboxId, "failed");
        LOG.warn("mailbox {} poll failed cause={}", mailboxId, ar.cause().getClass().getSimpleName());
      }
    });
  }

  private Future<Void> read(TenantConfig tenant, MailboxConfig box, MailboxStore.State state) {
    ImapReader reader = new ImapReader(box);
    long validity = state == null ? 0 : state.uidValidity();
    long last = state == null ? 0 : state.lastUid();
    return vertx.executeBlocking(() -> reader.read(validity, last), false).compose(batch -> {
      if (batch.uidValidity() != validity && validity != 0) {
        LOG.warn("mailbox {} UIDVALIDITY changed: reading it again from the start (known mail is skipped by "
            + "Message-ID)", box.id());
      }
      Future<Integer> chain = Future.succeededFuture(0);
      for (ImapReader.Item item : batch.items()) {
        chain = chain.compose(n -> (item.mail() != null ? intake.accept(tenant, box.id(), item.mail())
            : intake.unparseable(tenant, box.id(), item.sourceId(), item.failure())).map(fresh -> {
              metrics.mail(tenant.id(), box.id(), !fresh ? "duplicate" : item.mail() != null ? "new" : "unparseable");
              return fresh ? n + 1 : n;
            }));
      }
      return chain.compose(fresh -> {
        if (!batch.items().isEmpty()) {
          LOG.info("mailbox {} read {} message(s), {} new, up to uid {} node={}", box.id(), batch.items().size(),
              fresh, batch.highestUid(), node);
        }
        metrics.poll(tenant.id(), box.id(), "ok");
        return store.advance(box.id(), node, batch.uidValidity(), batch.highestUid()).mapEmpty();
      });
    });
  }
}
