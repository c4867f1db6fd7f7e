package dev.switchboard.engine.outbound.calcom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.engine.outbound.HttpOutcomes;
import dev.switchboard.engine.outbound.SendResult;
import java.time.Instant;

/** Cal.com: {@code {"status":"success","data":{uid,...}}}; a taken slot is a 4xx that no retry can fix. */
public final class CalcomResponses {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CalcomResponses() {
  }

  public static SendResult classify(int status, String body, String retryAfterHeader, Instant now) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body == null || body.isEmpty() ? "{}" : body);
    } catch (Exception e) {
      root = MAPPER.createObjectNode();
    }
    if (status >= 200 && status < 300 && !"error".equals(root.path("status").asText())) {
      JsonNode data = root.path("data");
      return new SendResult.Sent(data.hasNonNull("uid") ? data.get("uid").asText() : data.path("id").asText(null), null);
    }
    return HttpOutcomes.byStatus("calcom", status, HttpOutcomes.retryAfter(retryAfterHeader, now));
  }
}
