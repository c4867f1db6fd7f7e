package dev.switchboard.engine.outbound.calcom;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.outbound.OutboundPayload;
import java.nio.charset.StandardCharsets;

/** Cal.com API v2 create booking (FORMATS.md §5): {@code POST /v2/bookings} with {@code cal-api-version: 2024-08-13}. */
public final class CalcomRequests {
  public static final String PATH = "/v2/bookings";
  public static final String API_VERSION = "2024-08-13";

  private CalcomRequests() {
  }

  public static byte[] createBooking(OutboundPayload.Booking b) {
    ObjectNode root = JsonNodeFactory.instance.objectNode().put("start", b.start()).put("eventTypeId", b.eventTypeId());
    ObjectNode attendee = root.putObject("attendee").put("name", b.attendeeName()).put("email", b.attendeeEmail())
        .put("timeZone", b.timeZone()).put("language", "pt");
    if (b.attendeePhone() != null) {
      attendee.put("phoneNumber", b.attendeePhone());
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }
}
