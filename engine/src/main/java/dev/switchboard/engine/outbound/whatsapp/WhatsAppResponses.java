package dev.switchboard.engine.outbound.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.engine.outbound.SendResult;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Classifies Graph API responses by the error {@code code}, not only the HTTP status: Meta returns rate limits
 * (130429, 131056) as 400 or 429 depending on version (FORMATS.md §1.7).
 */
public final class WhatsAppResponses {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<Integer> TRANSIENT = Set.of(130429, 131056, 80007, 4, 1, 2, 131000, 133004);
  private static final Map<Integer, String> PERMANENT = Map.of(
      131047, "re-engagement: 24-hour window closed",
      131026, "message undeliverable",
      131048, "spam rate limit",
      131051, "unsupported message type",
      100, "invalid parameter",
      190, "access token invalid",
      10, "permission denied",
      200, "permission denied");

  private WhatsAppResponses() {
  }

  public static SendResult classify(int status, String body, String retryAfterHeader) {
    JsonNode root = parse(body);
    if (status >= 200 && status < 300) {
      // A 2xx means Meta accepted the message: never retry it (that would double-send), even without an id.
      String id = root == null ? null : text(root.path("messages").path(0), "id");
      String waId = root == null ? null : text(root.path("contacts").path(0), "wa_id");
      return new SendResult.Sent(id, waId);
    }
    Duration hint = retryAfter(retryAfterHeader);
    JsonNode error = root == null ? null : root.get("error");
    if (error != null && error.path("code").canConvertToInt()) {
      int code = error.get("code").asInt();
      if (TRANSIENT.contains(code)) {
        return new SendResult.Transient("whatsapp " + code, hint);
      }
      if (PERMANENT.containsKey(code)) {
        return new SendResult.Permanent("whatsapp " + code + " " + PERMANENT.get(code));
      }
      if (status == 429 || status >= 500) {
        return new SendResult.Transient("whatsapp " + code + " http " + status, hint);
      }
      return new SendResult.Permanent("whatsapp " + code + " http " + status);
    }
    if (status == 429 || status >= 500 || status == 408) {
      return new SendResult.Transient("http " + status, hint);
    }
    return new SendResult.Permanent("http " + status);
  }

  static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isEmpty() ? null : MAPPER.readTree(body);
    } catch (Exception e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
