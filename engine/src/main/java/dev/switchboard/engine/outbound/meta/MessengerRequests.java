package dev.switchboard.engine.outbound.meta;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.outbound.OutboundPayload;
import java.nio.charset.StandardCharsets;

/**
 * Messenger and Instagram Send API (FORMATS.md §2): {@code POST /{version}/{PAGE_ID or IG_ID}/messages} with
 * {@code recipient.id} and {@code message}; Messenger requires {@code messaging_type} (RESPONSE inside the window).
 */
public final class MessengerRequests {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private MessengerRequests() {
  }

  public static String path(String version, String accountId) {
    return "/" + version + "/" + accountId + "/messages";
  }

  public static byte[] body(String recipient, OutboundPayload payload, boolean instagram) {
    ObjectNode root = JSON.objectNode();
    root.putObject("recipient").put("id", recipient);
    if (!instagram) {
      root.put("messaging_type", "RESPONSE");
    }
    ObjectNode message = root.putObject("message");
    if (payload instanceof OutboundPayload.Text t) {
      message.put("text", t.body());
    } else if (payload instanceof OutboundPayload.Buttons b) {
      message.put("text", b.body());
      var replies = message.putArray("quick_replies");
      b.buttons().forEach(x -> replies.addObject().put("content_type", "text").put("title", x.title())
          .put("payload", x.id()));
    } else {
      throw new IllegalArgumentException("unsupported payload " + payload.getClass().getSimpleName());
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }
}
