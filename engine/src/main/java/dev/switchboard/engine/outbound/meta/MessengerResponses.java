package dev.switchboard.engine.outbound.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.engine.outbound.SendResult;
import java.time.Duration;
import java.util.Set;

/** Messenger / Instagram Send API responses, classified by the Graph error code (613: rate limit). */
public final class MessengerResponses {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<Integer> TRANSIENT = Set.of(613, 4, 1, 2, 32, 17);

  private MessengerResponses() {
  }

  public static SendResult classify(int status, String body, String retryAfterHeader) {
    JsonNode root;
    try {
      root = body == null || body.isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
    } catch (Exception e) {
      root = MAPPER.createObjectNode();
    }
    if (status >= 200 && status < 300) {
      String id = root.path("message_id").isMissingNode() ? null : root.path("message_id").asText();
      return new SendResult.Sent(id, null);
    }
    Duration hint = retryAfterHeader == null ? null : parseSeconds(retryAfterHeader);
    JsonNode error = root.path("error");
    if (error.path("code").canConvertToInt()) {
      int code = error.get("code").asInt();
      if (TRANSIENT.contains(code) || status >= 500 || status == 429) {
        return new SendResult.Transient("graph " + code, hint);
      }
      return new SendResult.Permanent("graph " + code + (code == 551 ? " person unavailable" : code == 190
          ? " access token invalid" : ""));
    }
    return status >= 500 || status == 429 || status == 408 ? new SendResult.Transient("http " + status, hint)
        : new SendResult.Permanent("http " + status);
  }

  private static Duration parseSeconds(String value) {
    try {
      return Duration.ofSeconds(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
