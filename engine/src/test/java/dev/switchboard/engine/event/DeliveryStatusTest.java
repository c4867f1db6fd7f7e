package dev.switchboard.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DeliveryStatusTest {

  @ParameterizedTest
  @CsvSource({
    "NONE, SENT, SENT", "SENT, DELIVERED, DELIVERED", "DELIVERED, READ, READ",
    "READ, DELIVERED, READ", "READ, SENT, READ", "DELIVERED, SENT, DELIVERED",
    "SENT, READ, READ", "SENT, FAILED, FAILED", "DELIVERED, FAILED, FAILED", "READ, FAILED, READ",
    "FAILED, DELIVERED, FAILED"})
  void aStatusNeverRegresses(DeliveryStatus known, DeliveryStatus reported, DeliveryStatus kept) {
    assertThat(known.advance(reported)).isEqualTo(kept);
  }

  @Test
  void conversationKeyParsesAndHidesTheContactInLogs() {
    var key = ConversationKey.parse("demo:demo-whatsapp:+5511987654321");
    assertThat(key).isEqualTo(new ConversationKey("demo", "demo-whatsapp", "+5511987654321"));
    assertThat(key.asString()).isEqualTo("demo:demo-whatsapp:+5511987654321");
    assertThat(key.toString()).startsWith("demo:demo-whatsapp:#").doesNotContain("987654321");
    assertThat(ConversationKey.parse("t:c:tg:123").contactId()).isEqualTo("tg:123");
    assertThatThrownBy(() -> ConversationKey.parse("t:c")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConversationKey.parse("t::x")).isInstanceOf(IllegalArgumentException.class);
  }
}
