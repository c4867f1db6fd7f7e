package dev.switchboard.engine.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ChannelRef;
import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.event.Contact;
import dev.switchboard.engine.event.Content;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.event.DeliveryStatus;
import dev.switchboard.engine.event.EventSource;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.event.StatusChanged;
import dev.switchboard.engine.event.UnsupportedEvent;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;

/** Every record that travels on the bus survives the wire form the clustered bus uses. */
class BusCodecTest {
  private static final Instant AT = Instant.parse("2026-11-20T13:15:00Z");
  private static final ChannelRef WA = new ChannelRef("demo", "demo-whatsapp", ChannelType.WHATSAPP);
  private static final ConversationKey KEY = new ConversationKey("demo", "demo-whatsapp", "+5511987654321");
  private static final Contact ANA = new Contact("+5511987654321", "5511987654321", "Ana");

  static Stream<BusMessage> messages() {
    EventSource source = new EventSource(WA, "wamid.1", AT);
    return Stream.of(
        new RawWebhook(WA, "{\"a\":1}".getBytes(StandardCharsets.UTF_8), null, AT),
        new RawWebhook(WA, new byte[] {1, 2, 3}, "msg_1", AT),
        new IngestResult(2, 1, 0),
        new MessageReceived(source, ANA, new Content.Text("Olá, ação!"), "wamid.0"),
        new MessageReceived(source, ANA, new Content.Media("image", "m1", "image/jpeg", "foto", "https://x"), null),
        new MessageReceived(source, ANA, new Content.Location(-23.5, -46.6, "Casa", "Av. Paulista"), null),
        new MessageReceived(source, ANA, new Content.InteractiveReply("b1", "Confirmar"), null),
        new MessageReceived(source, ANA, new Content.Callback("cb1", "slot:1"), null),
        new StatusChanged(source, "wamid.9", "5511987654321", DeliveryStatus.FAILED, "131047", "Re-engagement"),
        new UnsupportedEvent(source, null, "standard booking.created"),
        new SessionCommand.Deliver(KEY, new MessageReceived(source, ANA, new Content.Text("oi"), null)),
        new SessionCommand.Handoff(KEY, true, "agent:ana"),
        new SessionCommand.CloseIdle(KEY, AT),
        new SessionCommand.Close(KEY, "agent:ana"),
        new SessionCommand.BookingEvent(KEY, "bk_1", SessionCommand.BookingEvent.Kind.REMINDER, "bk_1/remind/60/1"),
        new SessionCommand.BookingEvent(KEY, null, SessionCommand.BookingEvent.Kind.IDLE, null),
        new SessionCommand.Accepted("BOT"),
        SessionReply.ok("req-1", "HUMAN"),
        new ConfigReload("node-1"),
        new ConversationStateChanged(new ConversationKey("acme", "wa", "+5511987654321"), "HUMAN",
            Instant.parse("2026-12-02T10:00:00Z")),
        SessionReply.failed("req-2", FailureCode.NOT_FOUND.code(), "no such conversation"),
        new AiRequest("demo", KEY.logId(), "oi", List.of(new Turn(Direction.INBOUND, "oi", "wamid.1", AT))),
        new AiReply("greeting", "Olá!", "rules", false),
        new SendCommand("demo:demo-whatsapp/wamid.1:0", KEY, AT),
        SendCommand.of(OutboundCommand.pending("demo:demo-whatsapp/wamid.2:0", KEY,
            ChannelType.WHATSAPP, "whatsapp", "5511987654321",
            new OutboundPayload.Text("Olá!", null), AT, "cid-1"), AT),
        new WebchatDelivery("c1", "Olá!"),
        new ConversationActivity(new ConversationKey("acme", "wa", "+5511987654321"), "BOT", null,
            Instant.parse("2026-12-02T10:00:01Z")));
  }

  @ParameterizedTest
  @MethodSource("messages")
  void roundTripsThroughTheWireForm(BusMessage message) {
    BusCodec codec = new BusCodec();
    Buffer wire = Buffer.buffer().appendString("prefix");
    codec.encodeToWire(wire, message);
    BusMessage decoded = codec.decodeFromWire(6, wire);
    if (message instanceof RawWebhook raw) {
      RawWebhook back = (RawWebhook) decoded;
      assertThat(back.body()).isEqualTo(raw.body());
      assertThat(back.channel()).isEqualTo(raw.channel());
      assertThat(back.providerEventId()).isEqualTo(raw.providerEventId());
      assertThat(back.receivedAt()).isEqualTo(raw.receivedAt());
    } else {
      assertThat(decoded).isEqualTo(message);
    }
    assertThat(codec.transform(message)).isSameAs(message);
  }

  @Test
  void refusesToBuildTypesThatAreNotBusMessages() {
    Buffer wire = Buffer.buffer();
    byte[] type = "java.lang.String".getBytes(StandardCharsets.UTF_8);
    byte[] json = "\"x\"".getBytes(StandardCharsets.UTF_8);
    wire.appendInt(type.length).appendBytes(type).appendInt(json.length).appendBytes(json);
    assertThatThrownBy(() -> new BusCodec().decodeFromWire(0, wire)).isInstanceOf(IllegalArgumentException.class);
  }
}
