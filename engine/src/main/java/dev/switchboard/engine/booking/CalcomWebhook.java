package dev.switchboard.engine.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.engine.channel.PayloadException;
import dev.switchboard.engine.outbound.calcom.CalcomRequests;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A Cal.com webhook: {@code {"triggerEvent": "BOOKING_CREATED" | "BOOKING_RESCHEDULED" | "BOOKING_CANCELLED" |
 * "BOOKING_NO_SHOW_UPDATED" | ..., "createdAt": ..., "payload": {uid, startTime, endTime, attendees[{name, email,
 * phoneNumber, noShow}], rescheduleUid, metadata}}}. {@code rescheduleUid} (on a reschedule) names the booking it
 * replaces; {@code command} is the Switchboard outbox command that made the booking, when it did.
 */
public record CalcomWebhook(String trigger, String uid, String rescheduleUid, Instant start, Instant end,
                            String attendeeName, String attendeePhone, boolean noShow, String command) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static CalcomWebhook parse(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new PayloadException("body is not JSON");
    }
    String trigger = root.path("triggerEvent").asText(null);
    JsonNode p = root.path("payload");
    if (trigger == null || !p.isObject()) {
      throw new PayloadException("triggerEvent and payload are required");
    }
    String uid = p.path("uid").asText(null);
    if (trigger.startsWith("BOOKING_") && uid == null) {
      throw new PayloadException("payload.uid is required for " + trigger);
    }
    JsonNode attendee = p.path("attendees").path(0);
    boolean noShow = false;
    for (JsonNode a : p.path("attendees")) {
      noShow |= a.path("noShow").asBoolean(false);
    }
    return new CalcomWebhook(trigger, uid, p.path("rescheduleUid").asText(p.path("fromReschedule").asText(null)),
        time(p, "startTime"), time(p, "endTime"), attendee.path("name").asText(null),
        attendee.path("phoneNumber").asText(null), noShow,
        p.path("metadata").path(CalcomRequests.COMMAND_KEY).asText(null));
  }

  private static Instant time(JsonNode p, String field) {
    String value = p.path(field).asText(null);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new PayloadException("payload." + field + " is not an ISO-8601 date-time");
    }
  }
}
