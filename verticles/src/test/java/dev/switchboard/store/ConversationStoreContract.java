package dev.switchboard.store;

import dev.switchboard.engine.store.Stores;

import static dev.switchboard.store.PgTestDatabase.await;
import static dev.switchboard.store.StoreFixtures.T0;
import static dev.switchboard.store.StoreFixtures.command;
import static dev.switchboard.store.StoreFixtures.conversation;
import static dev.switchboard.store.StoreFixtures.entry;
import static dev.switchboard.store.StoreFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Trigger;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.store.InboxEntry;
import dev.switchboard.engine.store.SessionStep;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * What every conversation store must do, including the session step's commit: conversation, messages, audit,
 * outbox commands and processed inbox events land together. Audit reads are checked here too.
 */
abstract class ConversationStoreContract {

  abstract Stores stores();

  @Test
  void aMissingConversationIsNull() {
    assertThat(await(stores().conversations().find(key("+5511900000020")))).isNull();
  }

  @Test
  void aStepCommitsEverythingTogether() {
    String contact = "+5511900000021";
    InboxEntry in = entry(contact, "wamid.step", T0);
    await(stores().inbox().insertIfAbsent(in));
    Conversation c = conversation(contact, T0).withInbound("5511900000021", T0.plusMillis(5))
        .withState(ConversationState.HUMAN, T0.plusMillis(6));
    var audit = new AuditEntry(c.key(), ConversationState.BOT, ConversationState.HUMAN, Trigger.HUMAN_REQUESTED,
        "customer", T0.plusMillis(6));
    var cmd = command("acme:wa/wamid.step:0", contact, T0);
    var step = new SessionStep(c, List.of(new Turn(Direction.INBOUND, "quero um atendente", "wamid.step", T0),
        new Turn(Direction.OUTBOUND, "Vou chamar", cmd.id(), T0.plusMillis(7))), List.of(audit), List.of(cmd),
        List.of(in.dedupeKey()));
    await(stores().conversations().commit(step));

    assertThat(await(stores().conversations().find(c.key()))).isEqualTo(c);
    assertThat(await(stores().conversations().messages(c.key(), 10))).extracting(Turn::text)
        .containsExactly("quero um atendente", "Vou chamar");
    assertThat(await(stores().audit().list(c.key()))).containsExactly(audit);
    assertThat(await(stores().outbox().get(cmd.id()))).isEqualTo(cmd);
    assertThat(await(stores().inbox().unprocessed(10_000))).extracting(InboxEntry::dedupeKey)
        .doesNotContain(in.dedupeKey());

    // Replaying the step (a crash between commit and acknowledgement) creates no second command.
    await(stores().conversations().commit(new SessionStep(c, List.of(), List.of(), List.of(cmd), List.of())));
    assertThat(await(stores().outbox().list("acme", null, 10_000))).filteredOn(x -> x.id().equals(cmd.id()))
        .hasSize(1);
  }

  @Test
  void aStepOverAnAlreadyProcessedEventWritesNothing() {
    String contact = "+5511900000023";
    InboxEntry first = entry(contact, "wamid.redelivered-a", T0);
    InboxEntry second = entry(contact, "wamid.redelivered-b", T0.plusMillis(1));
    await(stores().inbox().insertIfAbsent(first));
    await(stores().inbox().insertIfAbsent(second));
    Conversation c = conversation(contact, T0);
    await(stores().conversations().commit(new SessionStep(c, List.of(), List.of(), List.of(),
        List.of(first.dedupeKey()))));
    assertThat(await(stores().inbox().processedAmong(List.of(first.dedupeKey(), second.dedupeKey()))))
        .containsExactly(first.dedupeKey());

    // The same event again (a redelivery on another node): refused as a whole, naming the event.
    var cmd = command("acme:wa/wamid.redelivered-b:0", contact, T0);
    var again = new SessionStep(c.withState(ConversationState.HUMAN, T0.plusMillis(9)),
        List.of(new Turn(Direction.INBOUND, "de novo", "wamid.redelivered-b", T0)), List.of(), List.of(cmd),
        List.of(first.dedupeKey(), second.dedupeKey()));
    var failure = stores().conversations().commit(again).toCompletionStage().toCompletableFuture();
    assertThat(failure).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
        .havingRootCause().isInstanceOf(SessionStep.AlreadyProcessed.class);
    assertThat(await(stores().conversations().find(c.key())).state()).isEqualTo(ConversationState.BOT);
    assertThat(await(stores().conversations().messages(c.key(), 10))).isEmpty();
    assertThat(await(stores().outbox().get(cmd.id()))).isNull();
    assertThat(await(stores().inbox().processedAmong(List.of(second.dedupeKey())))).isEmpty();
  }

  /**
   * Many conversations committing at once (on PostgreSQL they are group-committed in shared transactions): each
   * step lands whole with its messages in order, and a step over an event someone else already processed is
   * refused alone, giving back its claims, while the others in the same batch commit.
   */
  @Test
  void stepsCommittedTogetherKeepTheirOwnOutcome() {
    String taken = "+5511900000030";
    InboxEntry done = entry(taken, "wamid.batch-done", T0);
    InboxEntry fresh = entry(taken, "wamid.batch-fresh", T0.plusMillis(1));
    await(stores().inbox().insertIfAbsent(done));
    await(stores().inbox().insertIfAbsent(fresh));
    await(stores().conversations().commit(new SessionStep(conversation(taken, T0), List.of(), List.of(), List.of(),
        List.of(done.dedupeKey()))));

    List<Future<Void>> commits = new ArrayList<>();
    List<InboxEntry> entries = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String contact = "+55119000001" + String.format("%02d", i);
      InboxEntry e = entry(contact, "wamid.batch-" + i, T0);
      await(stores().inbox().insertIfAbsent(e));
      entries.add(e);
      var cmd = command("acme:wa/wamid.batch-" + i + ":0", contact, T0);
      commits.add(stores().conversations().commit(new SessionStep(conversation(contact, T0),
          List.of(new Turn(Direction.INBOUND, "pergunta " + i, "wamid.batch-" + i, T0),
              new Turn(Direction.OUTBOUND, "resposta " + i, cmd.id(), T0.plusMillis(1))),
          List.of(), List.of(cmd), List.of(e.dedupeKey()))));
      if (i == 20) {
        commits.add(stores().conversations().commit(new SessionStep(
            conversation(taken, T0).withState(ConversationState.HUMAN, T0.plusMillis(3)), List.of(), List.of(),
            List.of(), List.of(done.dedupeKey(), fresh.dedupeKey()))));
      }
    }
    Future<Void> refused = commits.remove(21);
    await(Future.all(commits));
    assertThat(refused.toCompletionStage().toCompletableFuture()).failsWithin(Duration.ofSeconds(10))
        .withThrowableThat().havingRootCause().isInstanceOf(SessionStep.AlreadyProcessed.class);
    assertThat(await(stores().conversations().find(key(taken))).state()).isEqualTo(ConversationState.BOT);
    assertThat(await(stores().inbox().processedAmong(List.of(fresh.dedupeKey())))).isEmpty();
    for (int i = 0; i < 40; i++) {
      String contact = "+55119000001" + String.format("%02d", i);
      assertThat(await(stores().conversations().messages(key(contact), 10))).extracting(Turn::text)
          .containsExactly("pergunta " + i, "resposta " + i);
      assertThat(await(stores().outbox().get("acme:wa/wamid.batch-" + i + ":0"))).isNotNull();
    }
    assertThat(await(stores().inbox().processedAmong(entries.stream().map(InboxEntry::dedupeKey).toList())))
        .hasSize(40);
  }

  @Test
  void messagesComeBackOldestFirstLimitedToTheNewest() {
    Conversation c = conversation("+5511900000022", T0);
    List<Turn> turns = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      turns.add(new Turn(Direction.INBOUND, "m" + i, "wamid.m" + i, T0.plusMillis(i)));
    }
    await(stores().conversations().commit(new SessionStep(c, turns.subList(0, 5), List.of(), List.of(), List.of())));
    await(stores().conversations().commit(new SessionStep(c, turns.subList(5, 8), List.of(), List.of(), List.of())));
    assertThat(await(stores().conversations().messages(c.key(), 3))).extracting(Turn::text)
        .containsExactly("m5", "m6", "m7");
    assertThat(await(stores().conversations().messages(c.key(), 100))).hasSize(8);
  }

  @Test
  void listingAndIdleQueries() {
    Conversation old = conversation("+5511900000023", T0.minusSeconds(3600));
    Conversation fresh = conversation("+5511900000024", T0);
    Conversation closed = conversation("+5511900000025", T0.minusSeconds(7200))
        .withState(ConversationState.CLOSED, T0.minusSeconds(7200));
    for (Conversation c : List.of(old, fresh, closed)) {
      await(stores().conversations().commit(new SessionStep(c, List.of(), List.of(), List.of(), List.of())));
    }
    var idle = await(stores().conversations().idleSince(T0.minusSeconds(60), 1000));
    assertThat(idle).extracting(Conversation::key).contains(old.key()).doesNotContain(fresh.key(), closed.key());
    var closedOnly = await(stores().conversations().list("acme", ConversationState.CLOSED, 1000));
    assertThat(closedOnly).extracting(Conversation::key).contains(closed.key()).doesNotContain(old.key());
    var all = await(stores().conversations().list("acme", null, 1000));
    assertThat(all).extracting(Conversation::key).contains(old.key(), fresh.key(), closed.key());
    assertThat(all.indexOf(fresh)).isLessThan(all.indexOf(old));
  }
}
