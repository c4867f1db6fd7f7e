package dev.switchboard.scheduler;

import static dev.switchboard.store.PgTestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.store.Stores;
import dev.switchboard.config.RetentionConfig;
import dev.switchboard.engine.event.ChannelRef;
import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.event.Contact;
import dev.switchboard.engine.event.Content;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.event.EventSource;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.store.InboxEntry;
import dev.switchboard.engine.store.Schedule;
import dev.switchboard.metrics.SwitchboardMetrics;
import dev.switchboard.store.PgTestDatabase;
import dev.switchboard.store.pg.PgStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retention job on PostgreSQL: old processed events and settled commands go, in batches; nothing else does. */
class RetentionJobTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private static final ChannelRef WA = new ChannelRef("acme", "wa", ChannelType.WHATSAPP);
  private Vertx vertx;
  private PgTestDatabase db;
  private Stores stores;
  private SimpleMeterRegistry registry;
  private RetentionJob job;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    db = new PgTestDatabase(vertx);
    stores = await(PgStores.create(vertx, db.config()));
    registry = new SimpleMeterRegistry();
    job = new RetentionJob(new RetentionConfig(14, 30, null), stores, Clock.fixed(NOW, ZoneOffset.UTC),
        new SwitchboardMetrics(registry, Set.of("acme")), 2);
  }

  @AfterEach
  void tearDown() {
    await(stores.close());
    db.close();
    await(vertx.close());
  }

  @Test
  void purgesWhatIsPastRetentionAndNothingElse() {
    List<String> processed = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      processed.add(inbox("wamid.old" + i, NOW.minus(Duration.ofDays(15)).plusMillis(i)));
    }
    processed.add(inbox("wamid.young", NOW.minus(Duration.ofDays(13))));
    await(stores.inbox().markProcessed(processed));
    String waiting = inbox("wamid.old-unprocessed", NOW.minus(Duration.ofDays(20)));

    List<OutboundCommand> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sent.add(settled("acme:wa/wamid.old" + i + ":0", NOW.minus(Duration.ofDays(31))));
    }
    OutboundCommand inboxAged = settled("acme:wa/wamid.young-reply:0", NOW.minus(Duration.ofDays(20)));
    OutboundCommand retrying = command("acme:wa/wamid.retrying:0", NOW.minus(Duration.ofDays(40)));
    await(stores.outbox().addIfAbsent(retrying));
    await(stores.outbox().transition(CommandStatus.PENDING, retrying.retryAt(NOW.plusSeconds(60), "test: 503")));

    await(job.run(occurrence(), vertx));

    assertThat(await(stores.inbox().processedAmong(processed))).containsExactly(processed.get(7));
    assertThat(await(stores.inbox().unprocessed(10))).extracting(InboxEntry::dedupeKey).containsExactly(waiting);
    for (OutboundCommand c : sent) {
      assertThat(await(stores.outbox().get(c.id()))).as(c.id()).isNull();
    }
    assertThat(await(stores.outbox().get(inboxAged.id()))).as("settled but younger than outboxDays").isNotNull();
    assertThat(await(stores.outbox().get(retrying.id())).status()).as("in flight, whatever its age")
        .isEqualTo(CommandStatus.RETRY);
    assertThat(purged("inbox")).isEqualTo(7);
    assertThat(purged("outbox")).isEqualTo(3);

    await(job.run(occurrence(), vertx));
    assertThat(purged("inbox")).as("a second run finds nothing").isEqualTo(7);
  }

  @Test
  void zeroDaysKeepsForever() {
    String old = inbox("wamid.kept", NOW.minus(Duration.ofDays(400)));
    await(stores.inbox().markProcessed(List.of(old)));
    OutboundCommand c = settled("acme:wa/wamid.kept:0", NOW.minus(Duration.ofDays(400)));
    RetentionJob forever = new RetentionJob(new RetentionConfig(0, 0, null), stores, Clock.fixed(NOW, ZoneOffset.UTC),
        new SwitchboardMetrics(registry, Set.of("acme")), 2);
    await(forever.run(occurrence(), vertx));
    assertThat(await(stores.inbox().processedAmong(List.of(old)))).containsExactly(old);
    assertThat(await(stores.outbox().get(c.id()))).isNotNull();
  }

  private double purged(String store) {
    var counter = registry.find("sb_retention_purged_total").tag("store", store).counter();
    return counter == null ? 0 : counter.count();
  }

  private static Schedule occurrence() {
    return new Schedule(SchedulerVerticle.RETENTION, null, SchedulerVerticle.RETENTION, Duration.ofHours(1), NOW);
  }

  private String inbox(String eventId, Instant receivedAt) {
    var message = new MessageReceived(new EventSource(WA, eventId, receivedAt),
        new Contact("+5511900000077", "5511900000077", "Ana"), new Content.Text("texto"), null);
    InboxEntry entry = new InboxEntry(message, receivedAt, false);
    assertThat(await(stores.inbox().insertIfAbsent(entry))).isTrue();
    return entry.dedupeKey();
  }

  private static OutboundCommand command(String id, Instant at) {
    return OutboundCommand.pending(id, new ConversationKey("acme", "wa", "+5511900000077"), ChannelType.WHATSAPP,
        "whatsapp", "5511900000077", new OutboundPayload.Text("Olá!", null), at, "cid-" + id.hashCode());
  }

  private OutboundCommand settled(String id, Instant at) {
    OutboundCommand c = command(id, at);
    await(stores.outbox().addIfAbsent(c));
    OutboundCommand sending = c.sending(NOW);
    await(stores.outbox().transition(CommandStatus.PENDING, sending));
    await(stores.outbox().transition(CommandStatus.SENDING, sending.sent("wamid.provider." + id.hashCode())));
    return c;
  }
}
