package dev.switchboard.engine.outbound.whatsapp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.outbound.OutboundPayload;
import java.nio.charset.StandardCharsets;

/** WhatsApp Cloud API send requests (FORMATS.md §1.6). */
public final class WhatsAppRequests {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private WhatsAppRequests() {
  }

  public static String path(String version, String phoneNumberId) {
    return "/" + version + "/" + phoneNumberId + "/messages";
  }

  /** Whether WhatsApp accepts this payload only inside the 24-hour customer-service window. */
  public static boolean freeForm(OutboundPayload payload) {
    return !(payload instanceof OutboundPayload.Template);
  }

  public static byte[] body(String recipient, OutboundPayload payload) {
    ObjectNode root = JSON.objectNode()
        .put("messaging_product", "whatsapp")
        .put("recipient_type", "individual")
        .put("to", recipient);
    if (payload instanceof OutboundPayload.Text text) {
      root.put("type", "text");
      root.putObject("text").put("preview_url", false).put("body", text.body());
      if (text.contextMessageId() != null) {
        root.putObject("context").put("message_id", text.contextMessageId());
      }
    } else if (payload instanceof OutboundPayload.Template t) {
      ObjectNode template = root.put("type", "template").putObject("template").put("name", t.name());
      template.putObject("language").put("code", t.language());
      if (!t.bodyParameters().isEmpty()) {
        ArrayNode params = template.putArray("components").addObject().put("type", "body").putArray("parameters");
        t.bodyParameters().forEach(v -> params.addObject().put("type", "text").put("text", v));
      }
    } else if (payload instanceof OutboundPayload.Buttons b) {
      ObjectNode interactive = root.put("type", "interactive").putObject("interactive").put("type", "button");
      interactive.putObject("body").put("text", b.body());
      ArrayNode buttons = interactive.putObject("action").putArray("buttons");
      b.buttons().forEach(x -> buttons.addObject().put("type", "reply").putObject("reply").put("id", x.id())
          .put("title", x.title()));
    } else {
      throw new IllegalArgumentException("unsupported payload " + payload.getClass().getSimpleName());
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }
}
