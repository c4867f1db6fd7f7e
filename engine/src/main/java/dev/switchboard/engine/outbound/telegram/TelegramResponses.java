package dev.switchboard.engine.outbound.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.engine.outbound.SendResult;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classifies Bot API responses: {@code ok:true} → sent; 429 honours {@code parameters.retry_after}. */
public final class TelegramResponses {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern RETRY_AFTER = Pattern.compile("retry after (\\d+)");

  private TelegramResponses() {
  }

  public static SendResult classify(int status, String body) {
    JsonNode root;
    try {
      root = body == null || body.isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
    } catch (Exception e) {
      root = MAPPER.createObjectNode();
    }
    if (status >= 200 && status < 300 && root.path("ok").asBoolean(false)) {
      // answerCallbackQuery answers {"ok":true,"result":true}: no message id then.
      JsonNode id = root.path("result").path("message_id");
      return new SendResult.Sent(id.isMissingNode() ? null : id.asText(), null);
    }
    int code = root.path("error_code").asInt(status);
    if (code == 429) {
      return new SendResult.Transient("telegram 429", retryAfter(root));
    }
    if (code >= 500 || status >= 500) {
      return new SendResult.Transient("telegram " + code, null);
    }
    return new SendResult.Permanent("telegram " + code + (code == 403 ? " bot blocked or kicked"
        : code == 400 ? " bad request" : code == 401 ? " bot token invalid" : ""));
  }

  private static Duration retryAfter(JsonNode root) {
    JsonNode param = root.path("parameters").path("retry_after");
    if (param.canConvertToLong()) {
      return Duration.ofSeconds(param.asLong());
    }
    Matcher m = RETRY_AFTER.matcher(root.path("description").asText(""));
    return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
  }
}
