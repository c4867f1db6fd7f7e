package dev.switchboard.store;

import static dev.switchboard.store.PgTestDatabase.await;
import static dev.switchboard.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static java.util.stream.Collectors.toSet;
import dev.switchboard.engine.automation.IntegrationLogEntry;
import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.BookingDialogue;
import dev.switchboard.engine.booking.BookingStatus;
import dev.switchboard.engine.booking.Reminder;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.store.Stores;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.switchboard.store.IntegrationFixtures.Mail;
import org.junit.jupiter.api.Test;

/**
 * The contact-data contract for the sources later features added: integration records (e-mail intake) with the
 * outbox commands their steps created, and bookings with their reminders, dialogue and calendar commands.
 */
abstract class ContactSourcesContract extends ContactDataContract {

  @Test
  void anEmailSendersRecordAndItsCommandsAreFoundByTheAddressInAnyCaseAndByAPhoneInTheMail() {
    Stores stores = stores();
    Mail mail = IntegrationFixtures.mail(stores, integrations(), "lgpd6", "Marisa.Q@Example.com.br", "+5511977700066",
        false);
    Mail other = IntegrationFixtures.mail(stores, integrations(), "lgpd6", "joao@example.com.br", "+5511977700067",
        false);
    IntegrationFixtures.mail(stores, integrations(), "lgpd6b", "marisa.q@example.com.br", "+5511977700066", false);
    Set<String> commands = mail.commands().stream().map(OutboundCommand::id).collect(toSet());
    for (String written : List.of("MARISA.Q@EXAMPLE.COM.BR", "marisa.q@example.com.br", "+5511977700066",
        "55 11 97770-0066")) {
      ContactSubject subject = resolve(stores, "lgpd6", written);
      assertThat(subject.recordIds()).as(written).containsExactly(mail.record().id());
      assertThat(subject.commandIds()).as(written).containsAll(commands)
          .doesNotContainAnyElementsOf(other.commands().stream().map(OutboundCommand::id).toList());
      JsonObject export = await(stores.contacts().export(subject));
      assertThat(export.getJsonArray("integrations")).as(written).hasSize(1);
      assertThat(export.getJsonArray("integrations").getJsonObject(0).getJsonObject("mail").getString("text"))
          .startsWith(IntegrationFixtures.TEXT);
      assertThat(export.getJsonArray("integrations").getJsonObject(0).getJsonObject("data").getString("endereco"))
          .isEqualTo(IntegrationFixtures.STREET);
      assertThat(export.getJsonArray("outbox").encode()).contains(IntegrationFixtures.NAME + " — ")
          .contains("Novo chamado").doesNotContain("joao@").doesNotContain("700067");
    }
  }

  @Test
  void aSenderWhoseOnlyRecordWaitsForReviewIsHeldExportedAndErased() {
    Stores stores = stores();
    IntegrationRecord r = IntegrationFixtures.received(integrations(), "lgpd8", "rita@example.com.br", "+5511977700081");
    await(integrations().replace(r.next(IntegrationStatus.REQUIRES_REVIEW, 0, "{}", List.of("phone missing"), null, T0,
        null)));
    ContactSubject held = resolve(stores, "lgpd8", "Rita@Example.com.br");
    assertThat(held.isEmpty()).as("a record alone is something held").isFalse();
    assertThat(held.recordIds()).containsExactly(r.id());
    assertThat(held.commandIds()).isEmpty();
    assertThat(await(stores.contacts().export(held)).getJsonArray("integrations")).hasSize(1);
    assertThat(await(stores.contacts().erase(held, Erasure.start(T0)))).containsEntry("integrations", 1);
    IntegrationRecord erased = await(integrations().get(r.id()));
    assertThat(erased.status()).as("not left waiting for a review of erased data").isEqualTo(IntegrationStatus.FAILED);
    assertThat(erased.errors()).containsExactly(Erasure.ERASED);
    assertThat(resolve(stores, "lgpd8", "rita@example.com.br").isEmpty()).isTrue();
  }

  @Test
  void anEraseLeavesNoTraceOfTheSenderInItsRecordsOrTheirCommandsKeepsStatusAndLogAndIsIdempotent() {
    Stores stores = stores();
    String sender = "Marisa.Q@Example.com.br";
    Mail done = IntegrationFixtures.mail(stores, integrations(), "lgpd7", sender, "+5511977700071", false);
    Mail open = IntegrationFixtures.mail(stores, integrations(), "lgpd7", sender, "+5511977700072", true);
    Mail other = IntegrationFixtures.mail(stores, integrations(), "lgpd7", "joao@example.com.br", "+5511977700073",
        false);

    Map<String, Integer> counts = await(stores.contacts().erase(resolve(stores, "lgpd7", "marisa.q@example.com.br"),
        Erasure.start(T0)));
    assertThat(counts).containsEntry("integrations", 2).containsEntry("outbox", 8);

    IntegrationRecord kept = await(integrations().get(done.record().id()));
    IntegrationRecord stopped = await(integrations().get(open.record().id()));
    assertThat(kept.status()).isEqualTo(IntegrationStatus.INTEGRATED);
    assertThat(kept.step()).isEqualTo(done.record().step());
    assertThat(kept.version()).isEqualTo(done.record().version() + 1);
    assertThat(kept.log()).extracting(IntegrationLogEntry::outcome).containsExactly("ok", "error", "ok");
    assertThat(kept.log()).extracting(IntegrationLogEntry::externalId).contains("card-808");
    assertThat(stopped.status()).as("no pipeline runs a step from erased data").isEqualTo(IntegrationStatus.FAILED);
    assertThat(stopped.waitingOn()).isNull();
    assertThat(await(integrations().replace(open.record().next(IntegrationStatus.PENDING, 5, open.record().data(),
        List.of(), null, T0, null)))).as("a runner holding the old version writes nothing back").isFalse();
    for (IntegrationRecord r : List.of(kept, stopped)) {
      assertThat(r.contact()).isNull();
      assertThat(r.data()).isNull();
    }
    for (OutboundCommand c : open.commands()) {
      assertThat(await(stores.outbox().get(c.id()))).as("kept under a fresh id").isNull();
    }
    List<OutboundCommand> all = await(stores.outbox().list("lgpd7", null, 100));
    assertThat(all).hasSize(12).filteredOn(c -> c.status() == CommandStatus.DEAD).hasSize(1);
    String left = Json.write(List.of(kept, stopped))
        + Json.write(all.stream().filter(c -> !c.id().startsWith(other.record().commandPrefix())).toList());
    assertThat(left).doesNotContainIgnoringCase(sender).doesNotContain(IntegrationFixtures.NAME, IntegrationFixtures.TEXT,
        IntegrationFixtures.SUBJECT, IntegrationFixtures.STREET, "977700071", "977700072", "foto-marisa");
    IntegrationRecord untouched = await(integrations().get(other.record().id()));
    assertThat(untouched.contact()).isEqualTo("joao@example.com.br");
    assertThat(untouched.data()).contains(IntegrationFixtures.STREET);

    ContactSubject again = resolve(stores, "lgpd7", sender);
    assertThat(again.isEmpty()).isTrue();
    assertThat(await(stores.contacts().erase(again, Erasure.start(T0))).values()).allMatch(n -> n == 0);
  }

  /** A booking of {@code key} with its reminders and the dialogue that made it. */
  private static Booking book(Stores stores, ConversationKey key, String id, BookingStatus status, Duration from) {
    Booking b = new Booking(id, key, "calcom", "uid-" + id, T0.plus(from), T0.plus(from).plusSeconds(1800), status,
        key.tenantId() + ":cal/wamid." + id + ":0", "Dona Goiabeira", "slot taken", T0, T0);
    await(stores.bookings().insert(b));
    if (status.active()) {
      await(stores.bookings().addReminders(List.of(Reminder.of(b, 60), Reminder.of(b, 1440))));
    }
    await(stores.bookings().saveDialogue(key, BookingDialogue.asking(null, "tarde", null, id, T0), null,
        key.tenantId() + "|wa|wamid." + id));
    return b;
  }

  @Test
  void bookingsAreExportedAndKeptAnonymousForTheCountsTheirRemindersAndDialogueGo() {
    Stores stores = stores();
    talk(stores, "lgpd6", PHONE, "wamid.b1", TEXT);
    talk(stores, "lgpd6", "5511977700002", "wamid.b2", "outra pessoa");
    ConversationKey mine = new ConversationKey("lgpd6", "wa", "+" + PHONE);
    ConversationKey other = new ConversationKey("lgpd6", "wa", "+5511977700002");
    book(stores, mine, "bk_past", BookingStatus.NO_SHOW, Duration.ofDays(-2));
    Booking next = book(stores, mine, "bk_next", BookingStatus.CONFIRMED, Duration.ofDays(2));
    Booking theirs = book(stores, other, "bk_theirs", BookingStatus.CONFIRMED, Duration.ofDays(3));
    // A cancel on the calendar: keyed by the calendar integration, naming the booking only.
    OutboundCommand cancel = OutboundCommand.pending(OutboundCommand.forEvent("lgpd6", "cal", "wamid.b9", 0),
        new ConversationKey("lgpd6", "cal", "+" + PHONE), null, "calcom", next.id(),
        new OutboundPayload.BookingCancel(next.providerUid(), "pelo chat"), T0, "cid");
    await(stores.outbox().addIfAbsent(cancel));

    ContactSubject subject = resolve(stores, "lgpd6", PHONE);
    assertThat(subject.commandIds()).contains(cancel.id());
    JsonObject export = await(stores.contacts().export(subject));
    assertThat(export.getJsonArray("bookings")).hasSize(2);
    assertThat(export.getJsonArray("bookings").getJsonObject(1).getJsonArray("reminders")).hasSize(2);
    assertThat(export.getJsonArray("bookingDialogues")).hasSize(1);
    assertThat(export.encode()).contains("bk_past", "bk_next", "uid-bk_next", "Dona Goiabeira", cancel.id())
        .doesNotContain("bk_theirs");

    Map<String, Integer> counts = await(stores.contacts().erase(subject, Erasure.start(T0)));
    assertThat(counts).containsEntry("bookings", 2).containsEntry("bookingReminders", 2)
        .containsEntry("bookingDialogues", 1).containsEntry("outbox", 2);
    assertThat(await(stores.bookings().get("bk_next"))).isNull();
    assertThat(await(stores.bookings().pendingReminders("bk_next"))).isEmpty();
    assertThat(await(stores.bookings().dialogue(mine))).isNull();
    assertThat(await(stores.bookings().byProviderUid("lgpd6", "uid-bk_next"))).isNull();
    ConversationKey anonymous = await(stores.conversations().list("lgpd6", null, 10)).stream().map(Conversation::key)
        .filter(k -> k.contactId().startsWith(Erasure.ID_PREFIX)).findFirst().orElseThrow();
    List<Booking> all = await(stores.bookings().list("lgpd6", 10));
    assertThat(all).hasSize(3);
    List<Booking> kept = all.stream().filter(b -> !b.id().equals(theirs.id())).toList();
    assertThat(kept).as("the counts: same times and statuses, under the conversation's anonymous key")
        .extracting(Booking::status).containsExactlyInAnyOrder(BookingStatus.NO_SHOW, BookingStatus.CONFIRMED);
    assertThat(kept).allMatch(b -> b.key().equals(anonymous) && b.attendeeName() == null && b.providerUid() == null
        && b.commandId() == null && b.lastError() == null && b.id().startsWith("bk_erased_"));
    assertThat(kept).extracting(Booking::start).contains(next.start());
    assertThat(all.toString()).doesNotContain(PHONE);
    assertThat(await(stores.bookings().pendingReminders(theirs.id()))).as("the other contact's").hasSize(2);
    assertThat(await(stores.bookings().dialogue(other))).isNotNull();
    assertThat(await(stores.bookings().get(theirs.id())).attendeeName()).isEqualTo("Dona Goiabeira");

    assertThat(await(stores.contacts().erase(resolve(stores, "lgpd6", PHONE), Erasure.start(T0))).values())
        .allMatch(n -> n == 0);
  }
}
