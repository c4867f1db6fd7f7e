package dev.switchboard.engine.outbound.calcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.booking.CalcomWebhook;
import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.channel.CalcomSignature;
import dev.switchboard.engine.channel.PayloadException;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.outbound.SendResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Cal.com v2 shapes (FORMATS.md §5): responses, slots, the retry's look-up, webhooks and their signature. */
class CalcomBookingsTest {
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  @Test
  void aTakenSlotIsItsOwnPermanentOutcomeAndServerErrorsAreTransient() {
    String taken = "{\"status\":\"error\",\"error\":{\"message\":\"User either already has booking at this time or is "
        + "not available\"}}";
    assertThat(CalcomResponses.classify(400, taken, null, NOW)).isEqualTo(new SendResult.Permanent(
        CalcomResponses.SLOT_TAKEN));
    assertThat(CalcomResponses.classify(409, "{}", null, NOW)).isEqualTo(new SendResult.Permanent(
        CalcomResponses.SLOT_TAKEN));
    assertThat(CalcomResponses.classify(400, "{\"status\":\"error\",\"error\":{\"message\":\"bad email\"}}", null, NOW))
        .isEqualTo(new SendResult.Permanent("calcom http 400"));
    assertThat(CalcomResponses.classify(503, "", null, NOW)).isInstanceOf(SendResult.Transient.class);
    assertThat(CalcomResponses.classify(201, "{\"status\":\"success\",\"data\":{\"uid\":\"u1\"}}", null, NOW))
        .isEqualTo(new SendResult.Sent("u1", null));
  }

  @Test
  void slotsLookupAndMoves() {
    String slots = "{\"status\":\"success\",\"data\":{\"2026-12-08\":[{\"start\":\"2026-12-08T09:00:00.000-03:00\"},"
        + "{\"start\":\"2026-12-08T09:30:00.000-03:00\",\"end\":\"2026-12-08T10:15:00.000-03:00\"}]}}";
    var parsed = CalcomResponses.slots(slots, Duration.ofMinutes(30));
    assertThat(parsed).hasSize(2);
    assertThat(parsed.get(0).start()).isEqualTo(Instant.parse("2026-12-08T12:00:00Z"));
    assertThat(parsed.get(0).end()).isEqualTo(Instant.parse("2026-12-08T12:30:00Z"));
    assertThat(parsed.get(1).end()).isEqualTo(Instant.parse("2026-12-08T13:15:00Z"));
    assertThat(CalcomResponses.slots("{\"status\":\"success\",\"data\":{}}", Duration.ofMinutes(30))).isEmpty();
    String list = "{\"status\":\"success\",\"data\":[{\"uid\":\"a\",\"status\":\"cancelled\",\"metadata\":"
        + "{\"switchboardCommand\":\"c1\"}},{\"uid\":\"b\",\"status\":\"accepted\",\"metadata\":{\"switchboardCommand\":"
        + "\"c1\"}},{\"uid\":\"c\",\"status\":\"accepted\",\"metadata\":{}}]}";
    assertThat(CalcomResponses.bookingMadeBy(list, "c1")).isEqualTo("b");
    assertThat(CalcomResponses.bookingMadeBy(list, "c2")).isNull();
    assertThat(CalcomResponses.rescheduledTo("{\"data\":{\"status\":\"cancelled\",\"rescheduledToUid\":\"n\"}}"))
        .isEqualTo("n");
    assertThat(CalcomResponses.cancelled("{\"data\":{\"status\":\"cancelled\"}}")).isTrue();
  }

  @Test
  void requestsCarryTheCommandIdAndTheCallsPayloadsRoundTrip() {
    var booking = new OutboundPayload.Booking(42, "2026-12-08T12:00:00Z", "Ana", "c1@sem-email.invalid",
        "America/Sao_Paulo", "+5511987654321");
    String body = new String(CalcomRequests.createBooking(booking, "demo:cal/wamid.1:0"), StandardCharsets.UTF_8);
    assertThat(body).contains("\"metadata\":{\"switchboardCommand\":\"demo:cal/wamid.1:0\"}");
    assertThat(CalcomRequests.reschedulePath("u1")).isEqualTo("/v2/bookings/u1/reschedule");
    assertThat(CalcomRequests.cancelPath("u1")).isEqualTo("/v2/bookings/u1/cancel");
    OutboundPayload move = new OutboundPayload.BookingMove("u1", "2026-12-09T15:00:00Z", "pelo chat");
    OutboundPayload cancel = new OutboundPayload.BookingCancel("u1", "pelo chat");
    assertThat(Json.read(Json.write(move), OutboundPayload.class)).isEqualTo(move);
    assertThat(Json.read(Json.write(cancel), OutboundPayload.class)).isEqualTo(cancel);
    assertThat(OutboundPayload.calendar(move) && OutboundPayload.calendar(cancel) && OutboundPayload.calendar(booking))
        .isTrue();
    assertThat(OutboundPayload.calendar(new OutboundPayload.Text("oi", null))).isFalse();
  }

  @Test
  void webhooksAreParsedAndTheirSignatureChecked() {
    byte[] body = ("{\"triggerEvent\":\"BOOKING_RESCHEDULED\",\"createdAt\":\"2026-12-07T12:00:00Z\",\"payload\":{"
        + "\"uid\":\"n1\",\"rescheduleUid\":\"o1\",\"startTime\":\"2026-12-09T15:00:00Z\",\"endTime\":"
        + "\"2026-12-09T15:30:00Z\",\"attendees\":[{\"name\":\"Ana\",\"phoneNumber\":\"+5511987654321\"}],"
        + "\"metadata\":{\"switchboardCommand\":\"c9\"}}}").getBytes(StandardCharsets.UTF_8);
    var w = CalcomWebhook.parse(body);
    assertThat(w.trigger()).isEqualTo("BOOKING_RESCHEDULED");
    assertThat(w.uid()).isEqualTo("n1");
    assertThat(w.rescheduleUid()).isEqualTo("o1");
    assertThat(w.start()).isEqualTo(Instant.parse("2026-12-09T15:00:00Z"));
    assertThat(w.command()).isEqualTo("c9");
    assertThat(w.noShow()).isFalse();
    String signature = CalcomSignature.sign("s3cret", body);
    assertThat(CalcomSignature.verify("s3cret", body, signature)).isTrue();
    assertThat(CalcomSignature.verify("s3cret", body, signature.toUpperCase())).isTrue();
    assertThat(CalcomSignature.verify("other", body, signature)).isFalse();
    assertThat(CalcomSignature.verify("s3cret", body, "sha256=" + signature)).isFalse();
    assertThatThrownBy(() -> CalcomWebhook.parse("[]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(PayloadException.class);
    assertThatThrownBy(() -> CalcomWebhook.parse("{\"triggerEvent\":\"BOOKING_CREATED\",\"payload\":{}}"
        .getBytes(StandardCharsets.UTF_8))).isInstanceOf(PayloadException.class);
  }
}
