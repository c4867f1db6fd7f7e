package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.app.BusSetup;
import dev.switchboard.automation.AutomationMetrics;
import dev.switchboard.automation.IntegrationActions;
import dev.switchboard.automation.PipelineVerticle;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.ai.extract.Extraction;
import dev.switchboard.engine.automation.IntegrationLogEntry;
import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import dev.switchboard.engine.automation.MailSource;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.SendCommand;
import dev.switchboard.engine.channel.email.ParsedMail;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.store.memory.MemoryAuditStore;
import dev.switchboard.engine.store.memory.MemoryIntegrationStore;
import dev.switchboard.engine.store.memory.MemoryMailboxStore;
import dev.switchboard.engine.store.memory.MemoryOutboxStore;
import dev.switchboard.outbound.Outbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline runner on its own, with the AI and the outbound sender played by test consumers on their bus
 * addresses: several runners on one store (as on several nodes) act once per step, and an AI that is down is
 * tried with backoff, then the record is FAILED, and a retry goes on from there.
 */
class AutomationPipelineIT {
  static final Instant T0 = Instant.parse("2026-12-02T13:00:00Z");
  Vertx vertx;
  MutableClock clock;
  TenantDirectory directory;
  MemoryIntegrationStore records;
  MemoryOutboxStore outbox;
  Outbox service;
  final AtomicInteger extractions = new AtomicInteger();
  volatile boolean aiDown;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    BusSetup.register(vertx);
    clock = new MutableClock(T0);
    directory = new TenantDirectory(ConfigLoader.parse(Files.readString(Path.of(
        "src/test/resources/automations-test.yaml")), Map.of("PORT", "1")::get));
    records = new MemoryIntegrationStore();
    outbox = new MemoryOutboxStore();
    service = new Outbox(vertx.eventBus(), outbox, new MemoryAuditStore(), clock);
    vertx.eventBus().<Object>localConsumer(Addresses.AI_EXTRACT, m -> {
      extractions.incrementAndGet();
      if (aiDown) {
        m.fail(1005, "ai unavailable");
      } else {
        m.reply(new Extraction(Extraction.Status.VALID, "{\"phone\":\"+5511987654321\"}", List.of(), "test", 1));
      }
    });
    // The sender: every command nudged is delivered at once, with the provider's id.
    vertx.eventBus().<SendCommand>localConsumer(Addresses.OUTBOUND_SEND, m -> outbox.get(m.body().commandId())
        .compose(c -> outbox.transition(CommandStatus.PENDING, c.sending(T0.plusSeconds(30))).map(c))
        .compose(c -> outbox.transition(CommandStatus.SENDING, c.sending(T0.plusSeconds(30))
            .sent("ext-" + c.id().hashCode()))));
  }

  @AfterEach
  void stop() {
    Await.of(vertx.close());
  }

  private void deploy(int runners) {
    for (int i = 0; i < runners; i++) {
      Await.of(vertx.deployVerticle(new PipelineVerticle(directory, records, outbox, service, clock, 20,
          new AutomationMetrics(new SimpleMeterRegistry(), directory))));
    }
  }

  private IntegrationRecord add(int n) {
    ParsedMail mail = new ParsedMail("m" + n + "@x", "c" + n + "@gmail.com", "Cliente " + n, "Chamado " + n, T0,
        "Ar pingando. Telefone 11 98765-43" + (10 + n), List.of(), false);
    IntegrationRecord r = new IntegrationRecord(MailSource.recordId("assistec", "assistec-inbox", mail.sourceId()),
        "assistec", "assistec-inbox", mail.sourceId(), "chamados", IntegrationStatus.PENDING, 0, mail.fromAddress(),
        MailSource.of(mail).json(), null, null, null, 0, T0, T0, null);
    Await.of(records.addIfAbsent(r));
    return r;
  }

  private IntegrationRecord get(IntegrationRecord r) {
    return Await.of(records.get(r.id()));
  }

  @Test
  void threeRunnersOnOneStoreActOncePerStep() {
    List<IntegrationRecord> added = IntStream.range(0, 30).mapToObj(this::add).toList();
    deploy(3);
    assertThat(Await.until(() -> added.stream().allMatch(r -> get(r).status() == IntegrationStatus.INTEGRATED),
        30_000)).isTrue();
    List<OutboundCommand> commands = Await.of(outbox.list("assistec", null, 1000));
    // Two external steps per record (card, alert), one command each, all sent once.
    assertThat(commands).hasSize(60).allMatch(c -> c.status() == CommandStatus.SENT && c.attempts() == 1);
    for (IntegrationRecord r : added) {
      assertThat(get(r).log()).extracting(IntegrationLogEntry::stepType, IntegrationLogEntry::outcome)
          .containsExactly(tuple("extract", "ok"),
              tuple("trello.card", "ok"),
              tuple("telegram.notify", "ok"));
    }
  }

  @Test
  void anAiThatIsDownIsTriedWithBackoffThenTheRecordFailsAndARetryGoesOn() {
    aiDown = true;
    IntegrationRecord r = add(1);
    deploy(1);
    assertThat(Await.until(() -> extractions.get() == 1, 10_000)).isTrue();
    // Within the backoff nothing is asked again, however many scans pass.
    assertThat(Await.until(() -> extractions.get() > 1, 300)).isFalse();
    for (int i = 2; i <= 4; i++) {
      clock.advance(Duration.ofSeconds(20));
      int expected = i;
      assertThat(Await.until(() -> extractions.get() == expected, 10_000)).isTrue();
    }
    assertThat(Await.until(() -> get(r).status() == IntegrationStatus.FAILED, 10_000)).isTrue();
    assertThat(get(r).log()).extracting(IntegrationLogEntry::outcome)
        .containsExactly("error", "error", "error", "failed");
    assertThat(get(r).errors()).containsExactly("extraction unavailable: ReplyException");

    aiDown = false;
    Await.of(new IntegrationActions(records, new MemoryMailboxStore(), directory, service, clock)
        .retry(get(r), "agent:ana"));
    assertThat(Await.until(() -> get(r).status() == IntegrationStatus.INTEGRATED, 10_000)).isTrue();
    assertThat(get(r).log()).extracting(IntegrationLogEntry::outcome)
        .containsExactly("error", "error", "error", "failed", "retry", "ok", "ok", "ok");
  }

  @Test
  void aMailWhoseRuleIsGoneIsMatchedAgainOnRetryAndAnUnparseableOneIsRefused() {
    IntegrationRecord r = add(7);
    // Made by a rule that a configuration change removed since.
    Await.of(records.replace(new IntegrationRecord(r.id(), r.tenantId(), r.channelId(), r.sourceId(), "old",
        IntegrationStatus.FAILED, 2, r.contact(), r.source(), null, List.of("automation old is not configured"), null,
        1, T0, T0, null)));
    deploy(1);
    IntegrationActions actions = new IntegrationActions(records, new MemoryMailboxStore(), directory, service, clock);
    Await.of(actions.retry(get(r), "agent:ana"));
    assertThat(Await.until(() -> get(r).status() == IntegrationStatus.INTEGRATED, 10_000)).isTrue();
    assertThat(get(r).ruleId()).isEqualTo("chamados");

    IntegrationRecord broken = new IntegrationRecord("broken-1", "assistec", "assistec-inbox", "hdr-1", null,
        IntegrationStatus.FAILED, 0, null, MailSource.unparseable("unreadable content: IOException").json(), null,
        List.of("unreadable content: IOException"), null, 0, T0, T0, null);
    Await.of(records.addIfAbsent(broken));
    assertThat(actions.retry(broken, "agent:ana").toCompletionStage().toCompletableFuture())
        .failsWithin(Duration.ofSeconds(5)).withThrowableThat().withMessageContaining("unparseable mail cannot");
    assertThat(get(broken).status()).isEqualTo(IntegrationStatus.FAILED);
  }
}
