package dev.switchboard.engine.outbound.calcom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.engine.booking.Slot;
import dev.switchboard.engine.outbound.HttpOutcomes;
import dev.switchboard.engine.outbound.SendResult;
import dev.switchboard.engine.text.TextNormalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Cal.com: {@code {"status":"success","data":{uid,...}}}. A taken slot (409, or a 400 saying the host is not
 * available) is {@link #SLOT_TAKEN}: no retry can fix it, the customer gets a new offer.
 */
public final class CalcomResponses {
  public static final String SLOT_TAKEN = "calcom slot taken";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CalcomResponses() {
  }

  public static SendResult classify(int status, String body, String retryAfterHeader, Instant now) {
    JsonNode root = tree(body);
    if (status >= 200 && status < 300 && !"error".equals(root.path("status").asText())) {
      JsonNode data = root.path("data");
      return new SendResult.Sent(data.hasNonNull("uid") ? data.get("uid").asText() : data.path("id").asText(null), null);
    }
    String message = TextNormalizer.fold(root.path("error").path("message").asText(root.path("message").asText("")));
    if (status == 409 || status == 400 && (message.contains("not available") || message.contains("already has"))) {
      return new SendResult.Permanent(SLOT_TAKEN);
    }
    return HttpOutcomes.byStatus("calcom", status, HttpOutcomes.retryAfter(retryAfterHeader, now));
  }

  /** The uid of the booking among {@code GET /v2/bookings} whose metadata names {@code commandId}, or null. */
  public static String bookingMadeBy(String body, String commandId) {
    for (JsonNode b : tree(body).path("data")) {
      if (commandId.equals(b.path("metadata").path(CalcomRequests.COMMAND_KEY).asText(null))
          && !"cancelled".equalsIgnoreCase(b.path("status").asText())) {
        return b.path("uid").asText(null);
      }
    }
    return null;
  }

  /** From {@code GET /v2/bookings/{uid}}: where it was rescheduled to, or null. */
  public static String rescheduledTo(String body) {
    return tree(body).path("data").path("rescheduledToUid").asText(null);
  }

  public static boolean cancelled(String body) {
    return "cancelled".equalsIgnoreCase(tree(body).path("data").path("status").asText());
  }

  /** {@code GET /v2/slots}: {@code data} maps days to {@code [{start}]}; each slot lasts {@code length}. */
  public static List<Slot> slots(String body, Duration length) {
    List<Slot> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> days = tree(body).path("data").fields();
    while (days.hasNext()) {
      for (JsonNode s : days.next().getValue()) {
        Instant start = OffsetDateTime.parse(s.path("start").asText()).toInstant();
        Instant end = s.hasNonNull("end") ? OffsetDateTime.parse(s.get("end").asText()).toInstant()
            : start.plus(length);
        out.add(new Slot(start, end));
      }
    }
    return out;
  }

  private static JsonNode tree(String body) {
    try {
      return MAPPER.readTree(body == null || body.isEmpty() ? "{}" : body);
    } catch (Exception e) {
      return MAPPER.createObjectNode();
    }
  }
}
