package dev.switchboard.store;

import static dev.switchboard.store.PgTestDatabase.await;
import static dev.switchboard.store.StoreFixtures.T0;
import static dev.switchboard.store.StoreFixtures.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.event.DeliveryStatus;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.store.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.vertx.core.Future;
import java.util.ArrayList;

/** What every outbox implementation must do. */
abstract class OutboxStoreContract {

  abstract OutboxStore outbox();

  @Test
  void aCommandIdIsAddedOnce() {
    OutboundCommand c = command("acme:wa/wamid.once:0", "+5511900000010", T0);
    assertThat(await(outbox().addIfAbsent(c))).isTrue();
    assertThat(await(outbox().addIfAbsent(c))).isFalse();
    assertThat(await(outbox().get(c.id()))).isEqualTo(c);
    assertThat(await(outbox().get("missing"))).isNull();
  }

  @Test
  void transitionsAreCompareAndSet() {
    OutboundCommand c = command("acme:wa/wamid.cas:0", "+5511900000011", T0);
    await(outbox().addIfAbsent(c));
    OutboundCommand sending = c.sending(T0.plusSeconds(30));
    assertThat(await(outbox().transition(CommandStatus.PENDING, sending))).isTrue();
    assertThat(await(outbox().transition(CommandStatus.PENDING, sending))).isFalse();
    OutboundCommand sent = sending.sent("wamid.provider.cas");
    assertThat(await(outbox().transition(CommandStatus.SENDING, sent))).isTrue();
    assertThat(await(outbox().get(c.id())).status()).isEqualTo(CommandStatus.SENT);
    assertThat(await(outbox().get(c.id())).attempts()).isEqualTo(1);
  }

  /** What must go before a reply: the conversation's older commands not settled yet, whoever claimed them. */
  @Test
  void openBeforeListsTheConversationsOlderUnsettledCommandsOldestFirst() {
    String contact = "+5511900000077";
    OutboundCommand sentOld = command("acme:wa/wamid.ob1:0", contact, T0.minusSeconds(30));
    OutboundCommand claimedElsewhere = command("acme:wa/wamid.ob2:0", contact, T0.minusSeconds(20));
    OutboundCommand pendingSameInstant = command("acme:wa/wamid.ob3:0", contact, T0);
    OutboundCommand reply = command("acme:wa/wamid.ob4:0", contact, T0);
    OutboundCommand newer = command("acme:wa/wamid.ob5:0", contact, T0.plusSeconds(5));
    OutboundCommand otherConversation = command("acme:wa/wamid.ob6:0", "+5511900000078", T0.minusSeconds(60));
    for (OutboundCommand c : List.of(sentOld, claimedElsewhere, pendingSameInstant, reply, newer, otherConversation)) {
      await(outbox().addIfAbsent(c));
    }
    OutboundCommand sending = sentOld.sending(T0.plusSeconds(30));
    await(outbox().transition(CommandStatus.PENDING, sending));
    await(outbox().transition(CommandStatus.SENDING, sending.sent("wamid.provider.ob1")));
    await(outbox().transition(CommandStatus.PENDING, claimedElsewhere.sending(T0.plusSeconds(30))));
    assertThat(await(outbox().openBefore(reply.key(), reply.createdAt(), reply.id(), 10)))
        .extracting(OutboundCommand::id).containsExactly(claimedElsewhere.id(), pendingSameInstant.id());
    assertThat(await(outbox().openBefore(reply.key(), reply.createdAt(), reply.id(), 1))).hasSize(1);
    assertThat(await(outbox().openBefore(sentOld.key(), sentOld.createdAt(), sentOld.id(), 10))).isEmpty();
  }

  /** Many claims at once (group-committed on PostgreSQL), each command claimed by two senders: one wins each. */
  @Test
  void concurrentClaimsEachWinOnce() {
    List<OutboundCommand> commands = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      OutboundCommand c = command("acme:wa/wamid.race-" + i + ":0", "+5511900000" + (300 + i), T0);
      await(outbox().addIfAbsent(c));
      commands.add(c);
    }
    List<Future<Boolean>> claims = new ArrayList<>();
    for (OutboundCommand c : commands) {
      claims.add(outbox().transition(CommandStatus.PENDING, c.sending(T0.plusSeconds(30))));
      claims.add(outbox().transition(CommandStatus.PENDING, c.sending(T0.plusSeconds(31))));
    }
    await(Future.all(claims));
    for (int i = 0; i < commands.size(); i++) {
      assertThat(claims.get(2 * i).result() ^ claims.get(2 * i + 1).result()).as("exactly one claim of " + i).isTrue();
      assertThat(await(outbox().get(commands.get(i).id())).status()).isEqualTo(CommandStatus.SENDING);
    }
    List<Future<Boolean>> settles = new ArrayList<>();
    commands.forEach(c -> settles.add(outbox().transition(CommandStatus.SENDING,
        c.sending(T0.plusSeconds(30)).sent("wamid.provider." + c.id()))));
    await(Future.all(settles));
    assertThat(settles).allMatch(Future::result);
    assertThat(await(outbox().get(commands.get(59).id())).status()).isEqualTo(CommandStatus.SENT);
  }

  @Test
  void deliveryReportsFindTheCommandByProviderId() {
    OutboundCommand c = command("acme:wa/wamid.delivery:0", "+5511900000012", T0);
    await(outbox().addIfAbsent(c));
    await(outbox().transition(CommandStatus.PENDING, c.sending(T0.plusSeconds(30))));
    await(outbox().transition(CommandStatus.SENDING, c.sending(T0.plusSeconds(30)).sent("wamid.provider.delivery")));
    OutboundCommand read = await(outbox().applyDelivery("wamid.provider.delivery",
        x -> x.withDelivery(DeliveryStatus.READ, null)));
    assertThat(read.delivery()).isEqualTo(DeliveryStatus.READ);
    await(outbox().applyDelivery("wamid.provider.delivery", x -> x.withDelivery(DeliveryStatus.DELIVERED, null)));
    assertThat(await(outbox().get(c.id())).delivery()).isEqualTo(DeliveryStatus.READ);
    assertThat(await(outbox().applyDelivery("wamid.unknown", x -> x))).isNull();
  }

  @Test
  void dueListsPendingAndRetriesWhoseTimeHasCome() {
    OutboundCommand now = command("acme:wa/wamid.due-now:0", "+5511900000013", T0);
    OutboundCommand later = command("acme:wa/wamid.due-later:0", "+5511900000013", T0);
    await(outbox().addIfAbsent(now));
    await(outbox().addIfAbsent(later));
    await(outbox().transition(CommandStatus.PENDING, later.sending(T0.plusSeconds(30))));
    await(outbox().transition(CommandStatus.SENDING, later.sending(T0.plusSeconds(30)).retryAt(T0.plusSeconds(60), "http 503")));
    var due = await(outbox().due(T0.plusSeconds(1), 10_000)).stream().map(OutboundCommand::id).toList();
    assertThat(due).contains(now.id()).doesNotContain(later.id());
    var dueLater = await(outbox().due(T0.plusSeconds(61), 10_000)).stream().map(OutboundCommand::id).toList();
    assertThat(dueLater).contains(now.id(), later.id());
    assertThat(await(outbox().list("acme", CommandStatus.RETRY, 100))).extracting(OutboundCommand::id)
        .contains(later.id()).doesNotContain(now.id());
    assertThat(await(outbox().list("other-tenant", null, 100))).isEmpty();
  }

  @Test
  void aSendingClaimWhoseLeaseIsOverIsDueAgain() {
    OutboundCommand c = command("acme:wa/wamid.lease:0", "+5511900000014", T0);
    await(outbox().addIfAbsent(c));
    await(outbox().transition(CommandStatus.PENDING, c.sending(T0.plusSeconds(30))));
    assertThat(await(outbox().due(T0.plusSeconds(29), 10_000))).extracting(OutboundCommand::id)
        .doesNotContain(c.id());
    assertThat(await(outbox().due(T0.plusSeconds(31), 10_000))).extracting(OutboundCommand::id).contains(c.id());
  }

  @Test
  void retentionPurgesOnlySettledOldCommands() {
    Instant old = T0.minus(Duration.ofDays(400));
    OutboundCommand sent = command("acme:wa/wamid.purge.sent:0", "+5511900000019", old);
    OutboundCommand dead = command("acme:wa/wamid.purge.dead:0", "+5511900000019", old.plusMillis(1));
    OutboundCommand pending = command("acme:wa/wamid.purge.pending:0", "+5511900000019", old.plusMillis(2));
    OutboundCommand retrying = command("acme:wa/wamid.purge.retry:0", "+5511900000019", old.plusMillis(3));
    OutboundCommand recent = command("acme:wa/wamid.purge.recent:0", "+5511900000019", T0);
    for (OutboundCommand c : List.of(sent, dead, pending, retrying, recent)) {
      await(outbox().addIfAbsent(c));
    }
    await(outbox().transition(CommandStatus.PENDING, sent.sending(T0)));
    await(outbox().transition(CommandStatus.SENDING, sent.sending(T0).sent("wamid.provider.purge")));
    await(outbox().transition(CommandStatus.PENDING, dead.dead("test: permanent")));
    await(outbox().transition(CommandStatus.PENDING, retrying.retryAt(T0, "test: 503")));
    await(outbox().transition(CommandStatus.PENDING, recent.sending(T0)));
    await(outbox().transition(CommandStatus.SENDING, recent.sending(T0).sent("wamid.provider.purge.recent")));

    Instant cutoff = T0.minus(Duration.ofDays(300));
    assertThat(await(outbox().purgeSettled(cutoff, 1))).isEqualTo(1);
    assertThat(await(outbox().purgeSettled(cutoff, 10))).isEqualTo(1);
    assertThat(await(outbox().purgeSettled(cutoff, 10))).isZero();
    assertThat(await(outbox().get(sent.id()))).isNull();
    assertThat(await(outbox().get(dead.id()))).isNull();
    assertThat(await(outbox().get(pending.id())).status()).isEqualTo(CommandStatus.PENDING);
    assertThat(await(outbox().get(retrying.id())).status()).isEqualTo(CommandStatus.RETRY);
    assertThat(await(outbox().get(recent.id())).status()).isEqualTo(CommandStatus.SENT);
    assertThat(await(outbox().applyDelivery("wamid.provider.purge", c -> c))).as("no trace of a purged command").isNull();
    assertThat(await(outbox().addIfAbsent(sent))).as("purged: its id is free again").isTrue();
    await(outbox().transition(CommandStatus.PENDING, sent.dead("test: tidy")));
    await(outbox().transition(CommandStatus.PENDING, pending.dead("test: tidy")));
    await(outbox().transition(CommandStatus.RETRY, retrying.retryAt(T0, "test: 503").dead("test: tidy")));
  }
}
