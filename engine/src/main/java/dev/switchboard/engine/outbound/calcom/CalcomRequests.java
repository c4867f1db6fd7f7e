package dev.switchboard.engine.outbound.calcom;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.outbound.OutboundPayload;
import java.nio.charset.StandardCharsets;

/**
 * Cal.com API v2 (FORMATS.md §5): create ({@code POST /v2/bookings}), reschedule ({@code POST
 * /v2/bookings/{uid}/reschedule}) and cancel ({@code POST /v2/bookings/{uid}/cancel}) with {@code cal-api-version:
 * 2024-08-13}; free slots ({@code GET /v2/slots}) with {@code 2024-09-04}. A booking carries the outbox command id in
 * its metadata ({@link #COMMAND_KEY}), so a retry can find the booking an earlier attempt made.
 */
public final class CalcomRequests {
  public static final String PATH = "/v2/bookings";
  public static final String SLOTS_PATH = "/v2/slots";
  public static final String API_VERSION = "2024-08-13";
  public static final String SLOTS_API_VERSION = "2024-09-04";
  public static final String COMMAND_KEY = "switchboardCommand";

  private CalcomRequests() {
  }

  public static byte[] createBooking(OutboundPayload.Booking b) {
    return createBooking(b, null);
  }

  public static byte[] createBooking(OutboundPayload.Booking b, String commandId) {
    ObjectNode root = JsonNodeFactory.instance.objectNode().put("start", b.start()).put("eventTypeId", b.eventTypeId());
    ObjectNode attendee = root.putObject("attendee").put("name", b.attendeeName()).put("email", b.attendeeEmail())
        .put("timeZone", b.timeZone()).put("language", "pt");
    if (b.attendeePhone() != null) {
      attendee.put("phoneNumber", b.attendeePhone());
    }
    if (commandId != null) {
      root.putObject("metadata").put(COMMAND_KEY, commandId);
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static String reschedulePath(String uid) {
    return PATH + "/" + uid + "/reschedule";
  }

  public static String cancelPath(String uid) {
    return PATH + "/" + uid + "/cancel";
  }

  public static byte[] reschedule(OutboundPayload.BookingMove m) {
    ObjectNode root = JsonNodeFactory.instance.objectNode().put("start", m.start());
    if (m.reason() != null) {
      root.put("reschedulingReason", m.reason());
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] cancel(OutboundPayload.BookingCancel c) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    if (c.reason() != null) {
      root.put("cancellationReason", c.reason());
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }
}
