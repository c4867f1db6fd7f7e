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
import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Trigger;
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
import dev.switchboard.engine.privacy.ContactRef;
import dev.switchboard.engine.privacy.ContactSubject;
import dev.switchboard.engine.privacy.Erasure;
import dev.switchboard.engine.report.ActivityFacts;
import dev.switchboard.engine.store.ActionAudit;
import dev.switchboard.engine.store.InboxEntry;
import dev.switchboard.engine.store.IntegrationStore;
import dev.switchboard.engine.store.SessionStep;
import dev.switchboard.engine.store.Stores;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.switchboard.store.IntegrationFixtures.Mail;
import org.junit.jupiter.api.Test;

/**
 * What every contact-data store must do for LGPD requests: find a contact however its number is written, export all
 * of it and nothing of anyone else, erase it so that counts stay, and answer a second erase with zeros. Each test
 * uses a tenant of its own (the PostgreSQL schema is shared by the contract classes).
 */
abstract class ContactDataContract {
  private static final String PHONE = "5511977700001";
  private static final String TEXT = "meu endereço é rua das Goiabeiras 12";

  abstract Stores stores();

  /** The integration records the automations of these stores write (in memory: the ones handed to them). */
  abstract IntegrationStore integrations();

  private static ContactSubject resolve(Stores stores, String tenant, String id) {
    return await(stores.contacts().resolve(new ContactRef(tenant, id), Set.of("wa")));
  }

  /** One turn of the contact: its event, the conversation, a message each way, an audit entry, a reply command. */
  private static OutboundCommand talk(Stores stores, String tenant, String phone, String eventId, String text) {
    ChannelRef wa = new ChannelRef(tenant, "wa", ChannelType.WHATSAPP);
    MessageReceived m = new MessageReceived(new EventSource(wa, eventId, T0), new Contact("+" + phone, phone,
        "Dona Goiabeira"), new Content.Text(text), null);
    await(stores.inbox().insertIfAbsent(new InboxEntry(m, T0, false)));
    ConversationKey key = new ConversationKey(tenant, "wa", "+" + phone);
    Conversation c = Conversation.open(key, phone, T0).withInbound(phone, T0.plusMillis(1))
        .withState(ConversationState.HUMAN, T0.plusMillis(2));
    OutboundCommand reply = OutboundCommand.pending(OutboundCommand.forEvent(tenant, "wa", eventId, 0), key,
        ChannelType.WHATSAPP, "whatsapp", phone, new OutboundPayload.Text("Olá, " + text, null), T0, "cid");
    await(stores.conversations().commit(new SessionStep(c, List.of(new Turn(Direction.INBOUND, text, eventId, T0),
        new Turn(Direction.OUTBOUND, "Olá, " + text, reply.id(), T0.plusMillis(3))), List.of(new AuditEntry(key,
        ConversationState.BOT, ConversationState.HUMAN, Trigger.HUMAN_REQUESTED, "customer", T0.plusMillis(2))),
        List.of(reply), List.of(m.dedupeKey()))));
    return reply;
  }

  @Test
  void theExportHoldsTheContactHoweverItsNumberIsWrittenAndNothingOfAnyoneElse() {
    Stores stores = stores();
    talk(stores, "lgpd1", PHONE, "wamid.c1", TEXT);
    talk(stores, "lgpd1", "5511977700002", "wamid.c2", "outra pessoa");
    talk(stores, "lgpd1b", PHONE, "wamid.c3", "outro cliente, mesmo número");
    for (String written : List.of("+" + PHONE, PHONE, "+55 (11) 97770-0001")) {
      ContactSubject subject = resolve(stores, "lgpd1", written);
      assertThat(subject.conversations()).as(written).hasSize(1);
      String export = await(stores.contacts().export(subject)).encode();
      assertThat(export).contains(TEXT).contains("Dona Goiabeira").contains("wamid.c1")
          .doesNotContain("outra pessoa").doesNotContain("mesmo número");
    }
    assertThat(resolve(stores, "lgpd1", "+5511977700009").isEmpty()).isTrue();
  }

  @Test
  void anEraseKeepsTheCountsRemovesTheRestAndASecondEraseChangesNothing() {
    Stores stores = stores();
    OutboundCommand reply = talk(stores, "lgpd2", PHONE, "wamid.e1", TEXT);
    talk(stores, "lgpd2", "5511977700002", "wamid.e2", "outra pessoa");
    ActivityFacts before = await(stores.reports().activity("lgpd2", T0.minusSeconds(60), T0.plusSeconds(60)));

    ContactSubject subject = resolve(stores, "lgpd2", PHONE);
    Map<String, Integer> counts = await(stores.contacts().erase(subject, Erasure.start(T0)));
    assertThat(counts).containsEntry("conversations", 1).containsEntry("messages", 2).containsEntry("audit", 1)
        .containsEntry("outbox", 1).containsEntry("inbox", 1);

    ConversationKey key = new ConversationKey("lgpd2", "wa", "+" + PHONE);
    assertThat(await(stores.conversations().find(key))).isNull();
    assertThat(await(stores.conversations().messages(key, 10))).isEmpty();
    assertThat(await(stores.audit().list(key))).isEmpty();
    assertThat(await(stores.outbox().get(reply.id()))).isNull();
    assertThat(await(stores.inbox().processedAmong(List.of("lgpd2|wa|wamid.e1")))).isEmpty();
    ActivityFacts after = await(stores.reports().activity("lgpd2", T0.minusSeconds(60), T0.plusSeconds(60)));
    assertThat(after.messages()).hasSameSizeAs(before.messages());
    assertThat(after.transitions()).hasSameSizeAs(before.transitions());
    assertThat(after.actions()).hasSameSizeAs(before.actions());
    assertThat(after.messages().stream().map(ActivityFacts.MessageFact::conversationKey).distinct())
        .as("still two conversations").hasSize(2);
    List<Conversation> kept = await(stores.conversations().list("lgpd2", null, 10));
    assertThat(kept).hasSize(2).anyMatch(c -> c.key().contactId().startsWith(Erasure.ID_PREFIX) && c.replyTo() == null
        && c.state() == ConversationState.CLOSED);
    assertThat(await(stores.conversations().messages(new ConversationKey("lgpd2", "wa", "+5511977700002"), 10)))
        .as("the other contact is untouched").hasSize(2);

    ContactSubject again = resolve(stores, "lgpd2", PHONE);
    assertThat(again.isEmpty()).isTrue();
    assertThat(await(stores.contacts().erase(again, Erasure.start(T0))).values()).allMatch(n -> n == 0);
  }

  @Test
  void commandsNamingTheContactAreErasedAndAnOpenOneCanNoLongerBeSentOrSettled() {
    Stores stores = stores();
    OutboundCommand reply = talk(stores, "lgpd3", PHONE, "wamid.o1", TEXT);
    ConversationKey crm = new ConversationKey("lgpd3", "crm-hook", "lead-77");
    OutboundCommand lead = OutboundCommand.pending(OutboundCommand.forRequest("lgpd3", "crm-hook", "lead-77"), crm, null,
        "webhook", "https://crm.example/hook", new OutboundPayload.WebhookEvent("lead", "{\"phone\":\"+" + PHONE + "\"}"),
        T0, "cid");
    await(stores.outbox().addIfAbsent(lead));
    await(stores.audit().recordAction(new ActionAudit("lgpd3", "enqueue", lead.id(), "token:crm", T0)));

    ContactSubject subject = resolve(stores, "lgpd3", "+" + PHONE);
    assertThat(subject.commandIds()).contains(reply.id(), lead.id());
    assertThat(await(stores.contacts().export(subject)).getJsonArray("actions").encode()).contains(lead.id());
    Map<String, Integer> counts = await(stores.contacts().erase(subject, Erasure.start(T0)));
    assertThat(counts).containsEntry("outbox", 2).containsEntry("actions", 1);

    assertThat(await(stores.outbox().transition(CommandStatus.PENDING, reply.sent("wamid.late")))).isFalse();
    List<OutboundCommand> dead = await(stores.outbox().list("lgpd3", CommandStatus.DEAD, 10));
    assertThat(dead).hasSize(2).allMatch(c -> c.recipient().equals(Erasure.ERASED)
        && c.payload().equals(new OutboundPayload.Text(Erasure.ERASED, null)));
    assertThat(await(stores.outbox().due(T0.plusSeconds(3600), 100))).noneMatch(c -> c.key().tenantId().equals("lgpd3"));
    assertThat(await(stores.audit().actions("lgpd3", 10))).extracting(ActionAudit::subject)
        .containsExactly(Erasure.ERASED);
  }

  @Test
  void anIdInsideAnotherCustomersNumberDoesNotReachThatCustomer() {
    Stores stores = stores();
    OutboundCommand reply = talk(stores, "lgpd4", PHONE, "wamid.n1", TEXT);
    // A Telegram chat id that is the tail of the WhatsApp customer's number.
    ContactSubject telegram = await(stores.contacts().resolve(new ContactRef("lgpd4", "977700001"), Set.of("tg")));
    assertThat(telegram.isEmpty()).isTrue();
    assertThat(await(stores.contacts().erase(telegram, Erasure.start(T0))).values()).allMatch(n -> n == 0);
    assertThat(await(stores.outbox().get(reply.id()))).isNotNull();
    assertThat(await(stores.inbox().processedAmong(List.of("lgpd4|wa|wamid.n1")))).hasSize(1);
    assertThat(await(stores.conversations().messages(new ConversationKey("lgpd4", "wa", "+" + PHONE), 10)))
        .extracting(Turn::text).contains(TEXT);
  }

  @Test
  void aContactNeverSeenInATenantWithoutChannelsIsNothingToEraseNotAFailure() {
    ContactSubject nobody = await(stores().contacts().resolve(new ContactRef("lgpd5", "+5511977700005"), Set.of()));
    assertThat(nobody.isEmpty()).isTrue();
    assertThat(await(stores().contacts().erase(nobody, Erasure.start(T0))).values()).allMatch(n -> n == 0);
  }

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
