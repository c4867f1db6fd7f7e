package dev.switchboard.engine.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.event.ChannelRef;
import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.event.Content;
import dev.switchboard.engine.event.DeliveryStatus;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.event.NormalizedEvent;
import dev.switchboard.engine.event.StatusChanged;
import dev.switchboard.engine.event.UnsupportedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every inbound fixture yields exactly the expected events. */
class NormalizersTest {
  private static final ChannelRef WA = new ChannelRef("demo", "wa", ChannelType.WHATSAPP);
  private static final ChannelRef MS = new ChannelRef("demo", "ms", ChannelType.MESSENGER);
  private static final ChannelRef IG = new ChannelRef("demo", "ig", ChannelType.INSTAGRAM);
  private static final ChannelRef TG = new ChannelRef("demo", "tg", ChannelType.TELEGRAM);
  private static final ChannelRef STD = new ChannelRef("demo", "std", ChannelType.STANDARD);
  private static final ChannelRef CHAT = new ChannelRef("demo", "chat", ChannelType.WEBCHAT);

  private static List<NormalizedEvent> fixture(ChannelRef channel, String file) {
    return normalize(channel, Fixtures.bytes("inbound/" + file), null);
  }

  private static List<NormalizedEvent> normalize(ChannelRef channel, byte[] body, String eventId) {
    return Normalizers.forType(channel.type()).normalize(channel, Payloads.parse(body, 32), eventId);
  }

  private static MessageReceived single(List<NormalizedEvent> events) {
    assertThat(events).hasSize(1);
    return (MessageReceived) events.get(0);
  }

  @Test
  void whatsappText() {
    MessageReceived m = single(fixture(WA, "whatsapp_text.json"));
    assertThat(m.source().eventId()).isEqualTo("wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYFDFEODE4NDQ2NDk2NzhGNkVEQkU5AA==");
    assertThat(m.source().occurredAt()).isEqualTo(Instant.ofEpochSecond(1795180500L));
    assertThat(m.contact().id()).isEqualTo("+5511987654321");
    assertThat(m.contact().replyTo()).isEqualTo("5511987654321");
    assertThat(m.contact().displayName()).isEqualTo("Ana Beatriz Souza");
    assertThat(m.content()).isEqualTo(new Content.Text("Bom dia! Gostaria de agendar uma visita técnica para limpeza "
        + "do ar-condicionado. Vocês têm horário na sexta-feira à tarde?"));
    assertThat(m.inReplyTo()).isNull();
  }

  @Test
  void reactionsOnEachChannelBecomeReactionContent() {
    MessageReceived wa = single(fixture(WA, "whatsapp_reaction.json"));
    assertThat(wa.contact().id()).isEqualTo("+5511987654321");
    assertThat(wa.content()).isEqualTo(new Content.Reaction("wamid.HBgNNTUxMTk4NzY1NDMyMRUCABEYEkJVU0lORVNTMDAxAA==",
        "\ud83d\udc4d"));
    assertThat(wa.content().text()).isEmpty();
    assertThat(((Content.Reaction) wa.content()).label()).isEqualTo("[reação \ud83d\udc4d]");
    MessageReceived ms = single(fixture(MS, "messenger_reaction.json"));
    assertThat(ms.content()).isEqualTo(new Content.Reaction("m_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", "\u2764"));
    assertThat(ms.source().eventId()).isEqualTo("reaction:m_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789:1795180700100");
    MessageReceived tg = single(fixture(TG, "telegram_message_reaction.json"));
    assertThat(tg.contact().id()).isEqualTo("700123456");
    assertThat(tg.content()).isEqualTo(new Content.Reaction("4521", "\ud83d\ude4f"));
    assertThat(tg.source().occurredAt()).isEqualTo(Instant.ofEpochSecond(1795180800L));
    // Taken back: an empty emoji.
    String removed = "{\"update_id\":918273651,\"message_reaction\":{\"chat\":{\"id\":700123456},\"message_id\":4521,"
        + "\"date\":1795180900,\"old_reaction\":[{\"type\":\"emoji\",\"emoji\":\"x\"}],\"new_reaction\":[]}}";
    MessageReceived back = single(normalize(TG, removed.getBytes(StandardCharsets.UTF_8), null));
    assertThat(((Content.Reaction) back.content()).label()).isEqualTo("[reação removida]");
  }

  @Test
  void whatsappMedia() {
    MessageReceived image = single(fixture(WA, "whatsapp_image.json"));
    assertThat(image.content()).isEqualTo(new Content.Media("image", "1234567890123456", "image/jpeg",
        "Segue a foto da etiqueta do aparelho (modelo e número de série).",
        "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1234567890123456&ext=1795180560&hash=ATu-acceptance"));
    MessageReceived audio = single(fixture(WA, "whatsapp_audio.json"));
    assertThat(audio.content()).isInstanceOf(Content.Media.class);
    assertThat(((Content.Media) audio.content()).mimeType()).isEqualTo("audio/ogg; codecs=opus");
    // Carlos is reported without the ninth digit: one contact id, replies to the id Meta gave.
    assertThat(audio.contact().id()).isEqualTo("+5581987654321");
    assertThat(audio.contact().replyTo()).isEqualTo("558187654321");
  }

  @Test
  void whatsappLocationAndButtonReply() {
    MessageReceived loc = single(fixture(WA, "whatsapp_location.json"));
    assertThat(loc.content()).isEqualTo(new Content.Location(-23.561414, -46.655881,
        "Edifício do cliente (portaria 24h)", "Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200"));
    MessageReceived button = single(fixture(WA, "whatsapp_button_reply.json"));
    assertThat(button.content()).isEqualTo(new Content.InteractiveReply("confirmar_sexta_14h", "Confirmar 14h"));
    assertThat(button.inReplyTo()).isEqualTo("wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYFDhDNDJFRkVEMENEMTU2RkExODlBAA==");
  }

  @Test
  void whatsappStatuses() {
    List<NormalizedEvent> delivered = fixture(WA, "whatsapp_status_delivered.json");
    assertThat(delivered).hasSize(1);
    StatusChanged d = (StatusChanged) delivered.get(0);
    assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(d.providerMessageId()).isEqualTo("wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYFDhDNDJFRkVEMENEMTU2RkExODlBAA==");
    assertThat(d.source().eventId()).endsWith(":delivered");
    StatusChanged f = (StatusChanged) fixture(WA, "whatsapp_status_failed.json").get(0);
    assertThat(f.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(f.errorCode()).isEqualTo("131047");
    assertThat(f.errorReason()).isEqualTo("Re-engagement message");
    assertThat(f.recipientId()).isEqualTo("558187654321");
  }

  @Test
  void messengerAndInstagramText() {
    MessageReceived ms = single(fixture(MS, "messenger_text.json"));
    assertThat(ms.source().eventId()).isEqualTo("m_AcceptanceMid0001-Ag5Hz2UxYzAbCdEfGh");
    assertThat(ms.contact().id()).isEqualTo("6543210987654321");
    assertThat(ms.source().occurredAt()).isEqualTo(Instant.ofEpochMilli(1795180529000L));
    assertThat(ms.content().text()).startsWith("Olá! Vi o anúncio");
    MessageReceived ig = single(fixture(IG, "instagram_text.json"));
    assertThat(ig.contact().id()).isEqualTo("987654321098765");
    assertThat(ig.content().text()).endsWith("semana que vem \uD83D\uDE4F");
  }

  @Test
  void echoesOfTheBusinessOwnMessagesYieldNothing() {
    String echo = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"1\",\"time\":1,\"messaging\":[{\"sender\":{\"id\":\"1\"},"
        + "\"recipient\":{\"id\":\"2\"},\"timestamp\":1795180589000,\"message\":{\"mid\":\"m1\",\"text\":\"oi\","
        + "\"is_echo\":true}}]}]}";
    assertThat(normalize(IG, echo.getBytes(StandardCharsets.UTF_8), null)).isEmpty();
  }

  @Test
  void telegramMessageAndCallback() {
    MessageReceived m = single(fixture(TG, "telegram_message.json"));
    assertThat(m.source().eventId()).isEqualTo("902341771");
    assertThat(m.contact().id()).isEqualTo("734512908");
    assertThat(m.contact().replyTo()).isEqualTo("734512908");
    assertThat(m.content().text()).startsWith("Boa tarde! Preciso de um orçamento");
    MessageReceived cb = single(fixture(TG, "telegram_callback_query.json"));
    assertThat(cb.source().eventId()).isEqualTo("902341773");
    assertThat(cb.content()).isEqualTo(new Content.Callback("3154683927384756123", "slot:2026-12-03:tarde"));
    assertThat(cb.contact().id()).isEqualTo("734512908");
  }

  @Test
  void telegramGroupChatIdsAreNegative64Bit() {
    String update = "{\"update_id\":5,\"message\":{\"message_id\":1,\"date\":1795181500,"
        + "\"chat\":{\"id\":-1001234567890123,\"type\":\"supergroup\"},\"text\":\"oi\"}}";
    assertThat(single(normalize(TG, update.getBytes(StandardCharsets.UTF_8), null)).contact().id())
        .isEqualTo("-1001234567890123");
  }

  @Test
  void standardWebhookUsesTheHeaderId() {
    List<NormalizedEvent> events = normalize(STD, Fixtures.bytes("inbound/standard_webhook_generic.json"), "msg_1");
    assertThat(events).hasSize(1);
    UnsupportedEvent e = (UnsupportedEvent) events.get(0);
    assertThat(e.source().eventId()).isEqualTo("msg_1");
    assertThat(e.reason()).isEqualTo("standard booking.created");
    assertThatThrownBy(() -> normalize(STD, Fixtures.bytes("inbound/standard_webhook_generic.json"), null))
        .isInstanceOf(PayloadException.class);
  }

  @Test
  void onePostWithSeveralEntriesAndMessagesYieldsAllInOrder() {
    String msg = "{\"from\":\"55119000000%d\",\"id\":\"wamid.%d\",\"timestamp\":\"1795180500\",\"type\":\"text\","
        + "\"text\":{\"body\":\"m%d\"},\"unknown_field\":{\"x\":1}}";
    String change = "{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"messages\":[%s,%s]}}";
    String body = "{\"object\":\"whatsapp_business_account\",\"future\":true,\"entry\":["
        + "{\"id\":\"1\",\"changes\":[" + String.format(change, String.format(msg, 10, 1, 1), String.format(msg, 11, 2, 2))
        + "]},{\"id\":\"2\",\"changes\":[" + String.format(change, String.format(msg, 12, 3, 3),
        String.format(msg, 13, 4, 4)) + "]}]}";
    List<NormalizedEvent> events = normalize(WA, body.getBytes(StandardCharsets.UTF_8), null);
    assertThat(events).extracting(e -> e.source().eventId())
        .containsExactly("wamid.1", "wamid.2", "wamid.3", "wamid.4");
  }

  @Test
  void unsupportedWhatsappTypesAreRecordedNotDropped() {
    String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"messages\":["
        + "{\"from\":\"5511987654321\",\"id\":\"wamid.u\",\"timestamp\":\"1795180500\",\"type\":\"unsupported\","
        + "\"errors\":[{\"code\":131051}]}]}}]}]}";
    UnsupportedEvent e = (UnsupportedEvent) normalize(WA, body.getBytes(StandardCharsets.UTF_8), null).get(0);
    assertThat(e.reason()).isEqualTo("whatsapp type unsupported");
    assertThat(e.contact().id()).isEqualTo("+5511987654321");
  }

  @Test
  void webchatFrames() {
    String frame = "{\"visitorId\":\"visitor-0001\",\"messageId\":\"m-1\",\"text\":\"Olá\",\"sentAt\":1795180500000}";
    MessageReceived m = single(normalize(CHAT, frame.getBytes(StandardCharsets.UTF_8), null));
    assertThat(m.contact().id()).isEqualTo("visitor-0001");
    assertThatThrownBy(() -> normalize(CHAT, "{\"visitorId\":\"x\",\"messageId\":\"m\",\"text\":\"a\"}"
        .getBytes(StandardCharsets.UTF_8), null)).isInstanceOf(PayloadException.class);
  }

  @Test
  void malformedPayloadsAreRejectedWithoutPersonalData() {
    assertThatThrownBy(() -> Payloads.parse("not json 5511987654321".getBytes(StandardCharsets.UTF_8), 32))
        .isInstanceOf(PayloadException.class).hasMessage("body is not valid JSON");
    assertThatThrownBy(() -> Payloads.parse(("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}")
        .getBytes(StandardCharsets.UTF_8), 32)).hasMessageContaining("deeper than 32");
    assertThatThrownBy(() -> Payloads.parse("[1]".getBytes(StandardCharsets.UTF_8), 32))
        .hasMessage("JSON root must be an object");
    assertThatThrownBy(() -> Payloads.parse("{} {}".getBytes(StandardCharsets.UTF_8), 32))
        .isInstanceOf(PayloadException.class);
    assertThatThrownBy(() -> normalize(WA, "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8), null))
        .hasMessageContaining("whatsapp_business_account");
    String noId = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"messages\":["
        + "{\"from\":\"5511987654321\",\"type\":\"text\",\"text\":{\"body\":\"meu cpf 123\"}}]}}]}]}";
    assertThatThrownBy(() -> normalize(WA, noId.getBytes(StandardCharsets.UTF_8), null))
        .isInstanceOf(PayloadException.class).message().doesNotContain("5511987654321").doesNotContain("cpf");
  }

  @Test
  void phoneNumbers() {
    assertThat(PhoneNumbers.canonical("558187654321")).isEqualTo("+5581987654321");
    assertThat(PhoneNumbers.canonical("5581987654321")).isEqualTo("+5581987654321");
    assertThat(PhoneNumbers.canonical("+55 (11) 98765-4321")).isEqualTo("+5511987654321");
    assertThat(PhoneNumbers.canonical("551130405060")).isEqualTo("+551130405060");
    assertThat(PhoneNumbers.canonical("14155550123")).isEqualTo("+14155550123");
    assertThatThrownBy(() -> PhoneNumbers.canonical("abc")).isInstanceOf(PayloadException.class);
  }
}
