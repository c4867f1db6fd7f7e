package dev.switchboard.engine.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactPrivacyRecordsTest {
  private static final Instant T0 = Instant.parse("2026-05-12T14:00:00Z");
  private static final ConversationKey KEY = new ConversationKey("acme", "wa", "+5511987654321");

  @Test
  void aPhoneIsFoundHoweverItIsWrittenAndOtherIdsAsWritten() {
    assertThat(new ContactRef("acme", "+55 (11) 98765-4321").ids()).contains("+5511987654321");
    assertThat(new ContactRef("acme", "551187654321").ids()).as("before the ninth digit").contains("+5511987654321");
    assertThat(new ContactRef("acme", "visitor-abc-1").ids()).containsExactly("visitor-abc-1");
    assertThat(new ContactRef("acme", "Zuleica.Q@Example.com").ids()).containsExactly("Zuleica.Q@Example.com",
        "zuleica.q@example.com");
    assertThatThrownBy(() -> new ContactRef("acme", " ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ContactRef("acme", "x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSubjectKnowsItsAddressesAndWhereCachesMayHoldIt() {
    Conversation c = Conversation.open(KEY, "551187654321", T0);
    ContactSubject s = ContactSubject.of(new ContactRef("acme", "5511987654321"), List.of(c), Set.of("wa", "tg"));
    assertThat(s.addresses()).contains("+5511987654321", "5511987654321", "551187654321");
    assertThat(s.candidateKeys()).contains(KEY, new ConversationKey("acme", "tg", "+5511987654321"));
    assertThat(s.mentionedIn("{\"to\":\"551187654321\"}")).isTrue();
    ContactSubject telegram = ContactSubject.of(new ContactRef("acme", "987654321"), List.of(), Set.of());
    assertThat(telegram.mentionedIn("{\"chat_id\":987654321}")).isTrue();
    assertThat(telegram.mentionedIn("{\"to\":\"+5511987654321\"}")).as("inside another number").isFalse();
    assertThat(telegram.mentionedIn("{\"to\":\"9876543210\"}")).isFalse();
    ContactSubject shortId = ContactSubject.of(new ContactRef("acme", "a-73451"), List.of(), Set.of());
    assertThat(shortId.searchedAddresses()).as("too short to search text for").isEmpty();
    assertThat(shortId.mentionedIn("{\"visitor\":\"a-73451\"}")).isFalse();
  }

  @Test
  void oneErasureGivesAConversationOneRandomKeyAndAnotherErasureAnother() {
    Erasure first = Erasure.start(T0);
    ConversationKey anonymous = first.anonymous(KEY);
    assertThat(first.anonymous(KEY)).isEqualTo(anonymous);
    assertThat(anonymous.tenantId()).isEqualTo("acme");
    assertThat(anonymous.channelId()).isEqualTo("wa");
    assertThat(anonymous.contactId()).startsWith(Erasure.ID_PREFIX).doesNotContain("987654321");
    assertThat(Erasure.start(T0).anonymous(KEY)).isNotEqualTo(anonymous);
    assertThat(first.commandId("acme")).startsWith("acme:erased/").isNotEqualTo(first.commandId("acme"));
  }

  @Test
  void keptRecordsHoldTimesAndStatesButNoTextAddressOrProviderId() {
    Erasure e = Erasure.start(T0);
    Conversation c = Conversation.open(KEY, "5511987654321", T0).withFlag("ai-fallback");
    Conversation kept = ErasedRecords.conversation(c, e);
    assertThat(kept.replyTo()).isNull();
    assertThat(kept.state()).isEqualTo(ConversationState.CLOSED);
    assertThat(kept.optedOut()).isTrue();
    assertThat(kept.createdAt()).isEqualTo(T0);
    assertThat(ErasedRecords.turn(new Turn(Direction.INBOUND, "meu CPF é 123", "wamid.x", T0)))
        .isEqualTo(new Turn(Direction.INBOUND, Erasure.ERASED, null, T0));

    OutboundCommand sent = OutboundCommand.pending("acme:wa/wamid.x:0", KEY, ChannelType.WHATSAPP, "whatsapp",
        "5511987654321", new OutboundPayload.Text("Olá Zuleica", null), T0, "cid").sent("wamid.out");
    OutboundCommand retrying = OutboundCommand.pending("acme:wa/wamid.y:0", KEY, ChannelType.WHATSAPP, "whatsapp",
        "5511987654321", new OutboundPayload.Text("Olá", null), T0, "cid").retryAt(T0, "timeout for 5511987654321");
    OutboundCommand keptSent = ErasedRecords.command(sent, "acme:erased/1:0", e);
    assertThat(keptSent.status()).isEqualTo(CommandStatus.SENT);
    assertThat(keptSent.key()).isEqualTo(e.anonymous(KEY));
    assertThat(Json.write(keptSent)).doesNotContain("987654321").doesNotContain("Zuleica").doesNotContain("wamid");
    OutboundCommand keptRetry = ErasedRecords.command(retrying, "acme:erased/2:0", e);
    assertThat(keptRetry.status()).as("never sent to an erased contact").isEqualTo(CommandStatus.DEAD);
    assertThat(keptRetry.nextAttemptAt()).isNull();
    assertThat(Json.write(keptRetry)).doesNotContain("987654321");
  }
}
