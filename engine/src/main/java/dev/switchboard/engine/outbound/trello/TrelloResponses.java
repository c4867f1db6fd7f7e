package dev.switchboard.engine.outbound.trello;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.engine.outbound.HttpOutcomes;
import dev.switchboard.engine.outbound.SendResult;
import java.time.Instant;

/** Trello answers errors as plain text ("invalid key"), so only the status can be trusted: 429 and 5xx retry. */
public final class TrelloResponses {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TrelloResponses() {
  }

  public static SendResult classify(int status, String body, String retryAfterHeader, Instant now) {
    if (status >= 200 && status < 300) {
      try {
        JsonNode card = MAPPER.readTree(body);
        return new SendResult.Sent(card.path("id").asText(null), null);
      } catch (Exception e) {
        return new SendResult.Sent(null, null);
      }
    }
    if (status == 401) {
      return new SendResult.Permanent("trello 401 invalid key or token");
    }
    return HttpOutcomes.byStatus("trello", status, HttpOutcomes.retryAfter(retryAfterHeader, now));
  }
}
