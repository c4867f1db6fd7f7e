package dev.switchboard.it;

import dev.switchboard.engine.store.SessionStep;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Conversation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.outbound.SandboxLog;
import dev.switchboard.store.PgTestDatabase;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A reply claimed by another process (a node that died mid-send, or this engine before a restart) is still under
 * its lease when the customer's next message is answered: the newer reply waits, the older one is taken back when
 * its lease ends and sent, and the customer gets both in order. Before the fix the newer reply went at once and the
 * older one after it (the 1-in-40 reorder ClusterIT counted on node loss).
 */
class ReplyOrderAcrossProcessesIT {
  private static final String CONTACT = "5511955550001";

  @Test
  void aNewerReplyWaitsForAnOlderOneClaimedElsewhere() {
    Vertx vertx = Vertx.vertx();
    try (PgTestDatabase db = new PgTestDatabase(vertx);
         TestEngine t = new TestEngine(Map.of("STORAGE", "postgres", "PG_URL", db.config().url(),
             "REQUEST_TIMEOUT_MS", "500"))) {
      ConversationKey key = new ConversationKey("acme", "wa", "+" + CONTACT);
      Instant claimedAt = Instant.now();
      // As a node that died mid-send leaves it: SENDING, its lease (3 × 500 ms + 5 s here) running.
      OutboundCommand older = OutboundCommand.pending(OutboundCommand.forEvent("acme", "wa", "wamid.order.0", 0), key,
          ChannelType.WHATSAPP, "sandbox", CONTACT, new OutboundPayload.Text("resposta anterior", null), claimedAt,
          "cid-older").sending(claimedAt.plusMillis(6_500));
      // Committed with its conversation, as the earlier turn that made it would have (a conversation and its
      // commands are written in one step).
      Conversation conversation = Conversation.open(key, CONTACT, claimedAt.minusSeconds(5))
          .withInbound(CONTACT, claimedAt.minusSeconds(5));
      Await.of(t.engine.stores().conversations().commit(new SessionStep(conversation,
          List.of(new Turn(Direction.OUTBOUND, "resposta anterior", older.id(), claimedAt)), List.of(),
          List.of(older), List.of())));

      Await.of(t.whatsappText(CONTACT, "wamid.order.1", "quanto custa a instalação?"));
      assertThat(Await.until(() -> sent(t).size() == 2, 20_000)).as("both replies sent: %s", sent(t)).isTrue();
      List<SandboxLog.Entry> sent = sent(t);
      assertThat(sent.get(0).commandId()).isEqualTo(older.id());
      assertThat(sent.get(1).text()).isEqualTo("Instalação a partir de R$ 450,00.");
      // The older one went when its lease ended, not before: nothing was sent twice.
      assertThat(sent.get(0).at()).isAfterOrEqualTo(claimedAt.plusMillis(6_500));
      assertThat(Await.of(t.engine.stores().outbox().get(older.id())).status()).isEqualTo(CommandStatus.SENT);
    } finally {
      Await.of(vertx.close());
    }
  }

  /** What reached the (sandbox) provider for the contact, in the order it was sent. */
  private static List<SandboxLog.Entry> sent(TestEngine t) {
    List<SandboxLog.Entry> list = new ArrayList<>(t.engine.sandbox().list("acme", 100).stream()
        .filter(e -> e.recipient().equals(CONTACT)).toList());
    Collections.reverse(list); // the log is newest first
    return list;
  }
}
