package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.store.Stores;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Turn;
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
import dev.switchboard.store.PgTestDatabase;
import dev.switchboard.store.pg.PgStores;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Start-up recovery on PostgreSQL: events acknowledged before a crash but never processed are processed, in
 * order, when the engine starts; a command left SENDING is sent again (once).
 */
class RecoveryIT {
  private static final ChannelRef WA = new ChannelRef("acme", "wa", ChannelType.WHATSAPP);
  private static Vertx vertx;
  private static PgTestDatabase db;
  private static Stores before;
  private static FakeProvider graph;

  @BeforeAll
  static void crashLeftovers() {
    vertx = Vertx.vertx();
    db = new PgTestDatabase(vertx);
    before = Await.of(PgStores.create(vertx, db.config()));
    Instant t = Instant.now().minusSeconds(30);
    for (int i = 1; i <= 5; i++) {
      Await.of(before.inbox().insertIfAbsent(new InboxEntry(message("5511933330001", "wamid.a" + i, "mensagem a" + i),
          t.plusMillis(i), false)));
      if (i <= 3) {
        Await.of(before.inbox().insertIfAbsent(new InboxEntry(message("5511933330002", "wamid.b" + i,
            "mensagem b" + i), t.plusMillis(10 + i), false)));
      }
    }
    OutboundCommand stuck = OutboundCommand.pending("acme:wa/wamid.stuck:0",
        new ConversationKey("acme", "wa", "+5511933330003"), ChannelType.WHATSAPP, "whatsapp", "5511933330003",
        // A template: no conversation exists for this contact, so a free-form text would be outside the 24-hour window.
        new OutboundPayload.Template("lembrete_visita", "pt_BR", List.of()), t, "cid-stuck");
    Await.of(before.outbox().addIfAbsent(stuck));
    Await.of(before.outbox().transition(CommandStatus.PENDING, stuck.sending(t.plusSeconds(3600))));
    graph = new FakeProvider().start();
  }

  @AfterAll
  static void cleanUp() {
    graph.close();
    db.close();
    Await.of(vertx.close());
  }

  private static MessageReceived message(String from, String id, String text) {
    return new MessageReceived(new EventSource(WA, id, Instant.now()), new Contact("+" + from, from, null),
        new Content.Text(text), null);
  }

  @Test
  void unprocessedEventsAreProcessedInOrderAndInterruptedSendsResumeOnce() {
    try (TestEngine t = new TestEngine(Map.of("STORAGE", "postgres", "PG_URL", db.config().url(),
        "WA_SENDER", "whatsapp", "PROVIDER_URL", graph.url(), "DEBOUNCE_MS", "0"))) {
      assertThat(Await.until(() -> Await.of(before.inbox().countUnprocessed()) == 0, 15_000)).isTrue();
      assertThat(inbound(new ConversationKey("acme", "wa", "+5511933330001")))
          .containsExactly("wamid.a1", "wamid.a2", "wamid.a3", "wamid.a4", "wamid.a5");
      assertThat(inbound(new ConversationKey("acme", "wa", "+5511933330002")))
          .containsExactly("wamid.b1", "wamid.b2", "wamid.b3");

      assertThat(Await.until(() -> Await.of(before.outbox().get("acme:wa/wamid.stuck:0")).status()
          == CommandStatus.SENT, 10_000)).isTrue();
      assertThat(graph.received()).filteredOn(r -> "acme:wa/wamid.stuck:0".equals(r.headers().get("Idempotency-Key")))
          .hasSize(1);

      var again = Await.of(t.whatsappText("5511933330001", "wamid.a3", "mensagem a3"));
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.bodyAsJsonObject().getInteger("duplicates")).isEqualTo(1);
    }
  }

  private static List<String> inbound(ConversationKey key) {
    return Await.of(before.conversations().messages(key, 100)).stream()
        .filter(turn -> turn.direction() == Direction.INBOUND).map(Turn::eventId).toList();
  }
}
