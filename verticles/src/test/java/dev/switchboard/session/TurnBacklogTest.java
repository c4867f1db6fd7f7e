package dev.switchboard.session;

import dev.switchboard.engine.session.TurnBacklog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.session.TurnBacklog.Admission;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The node's bound on acknowledged but unanswered messages: who waits, who is refused, what frees a place. */
@ExtendWith(VertxExtension.class)
class TurnBacklogTest {

  @Test
  void aFullNodeMakesTheNextMessageWaitUntilAReplyWasTried(Vertx vertx) {
    TurnBacklog backlog = new TurnBacklog(vertx, 10, 2, 5_000);
    assertThat(backlog.acquire("a", "c1").await()).isEqualTo(Admission.TAKEN);
    assertThat(backlog.acquire("b", "c2").await()).isEqualTo(Admission.TAKEN);
    Future<Admission> third = backlog.acquire("c", "c3");
    assertThat(third.isComplete()).isFalse();

    // The turn over "a" wrote a reply: "a" stays held until that reply was tried.
    backlog.handOver(List.of("a"), "cmd-a");
    backlog.settleTurn(List.of("a"));
    assertThat(third.isComplete()).isFalse();
    backlog.commandTried("cmd-a");
    assertThat(third.await()).isEqualTo(Admission.TAKEN);
    assertThat(backlog.holds("a")).isFalse();
    assertThat(backlog.size()).isEqualTo(2);

    // A turn without a reply (opted out, a person owns the conversation) frees its messages when it settles.
    backlog.settleTurn(List.of("b"));
    assertThat(backlog.size()).isEqualTo(1);
  }

  @Test
  void waitingEndsIn503AndAFloodingConversationIsRefusedAtOnce(Vertx vertx) {
    TurnBacklog backlog = new TurnBacklog(vertx, 2, 3, 200);
    assertThat(backlog.acquire("a1", "flood").await()).isEqualTo(Admission.TAKEN);
    assertThat(backlog.acquire("a2", "flood").await()).isEqualTo(Admission.TAKEN);
    assertThat(backlog.acquire("a3", "flood").await()).isEqualTo(Admission.FULL);
    assertThat(backlog.acquire("b1", "calm").await()).isEqualTo(Admission.TAKEN);
    assertThat(backlog.acquire("c1", "other").await()).as("no room came within 200 ms").isEqualTo(Admission.FULL);
    // A redelivery of a message still held is not a new one.
    assertThat(backlog.acquire("a1", "flood").await()).isEqualTo(Admission.ALREADY_HELD);
    backlog.release(List.of("a1", "a2", "b1"));
    assertThat(backlog.size()).isZero();
    assertThat(backlog.acquire("a3", "flood").await()).isEqualTo(Admission.TAKEN);
  }
}
