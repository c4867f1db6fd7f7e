package dev.switchboard.store;

import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.event.ChannelRef;
import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.event.Contact;
import dev.switchboard.engine.event.Content;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.event.EventSource;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.store.InboxEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Records the store contract tests write, with microsecond timestamps (PostgreSQL's precision). */
final class StoreFixtures {
  static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  static final ChannelRef WA = new ChannelRef("acme", "wa", ChannelType.WHATSAPP);

  private StoreFixtures() {
  }

  static ConversationKey key(String contact) {
    return new ConversationKey("acme", "wa", contact);
  }

  static MessageReceived message(String contact, String eventId, String text) {
    return new MessageReceived(new EventSource(WA, eventId, T0), new Contact(contact, contact.substring(1), "Ana"),
        new Content.Text(text), null);
  }

  static InboxEntry entry(String contact, String eventId, Instant receivedAt) {
    return new InboxEntry(message(contact, eventId, "texto " + eventId), receivedAt, false);
  }

  static Conversation conversation(String contact, Instant at) {
    return Conversation.open(key(contact), contact.substring(1), at);
  }

  static OutboundCommand command(String id, String contact, Instant at) {
    return OutboundCommand.pending(id, key(contact), ChannelType.WHATSAPP, "whatsapp", contact.substring(1),
        new OutboundPayload.Text("Olá!", null), at, "cid-" + id.hashCode());
  }
}
