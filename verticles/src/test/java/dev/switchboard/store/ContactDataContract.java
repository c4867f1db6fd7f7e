package dev.switchboard.store;

import static dev.switchboard.store.PgTestDatabase.await;
import static dev.switchboard.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;


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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every contact-data store must do for LGPD requests: find a contact however its number is written, export all
 * of it and nothing of anyone else, erase it so that counts stay, and answer a second erase with zeros. Each test
 * uses a tenant of its own (the PostgreSQL schema is shared by the contract classes).
 */
abstract class ContactDataContract {
  static final String PHONE = "5511977700001";
  static final String TEXT = "meu endereço é rua das Goiabeiras 12";

  abstract Stores stores();

  /** The integration records the automations of these stores write (in memory: the ones handed to them). */
  abstract IntegrationStore integrations();

  static ContactSubject resolve(Stores stores, String tenant, String id) {
    return await(stores.contacts().resolve(new ContactRef(tenant, id), Set.of("wa")));
  }

  /** One turn of the contact: its event, the conversation, a message each way, an audit entry, a reply command. */
  static OutboundCommand talk(Stores stores, String tenant, String phone, String eventId, String text) {
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
}
