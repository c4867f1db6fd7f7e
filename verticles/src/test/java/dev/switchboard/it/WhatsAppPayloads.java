package dev.switchboard.it;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/** Builds WhatsApp Cloud API webhook bodies shaped like the real ones (see FORMATS.md §1.4). */
final class WhatsAppPayloads {
  private WhatsAppPayloads() {
  }

  static byte[] text(String from, String messageId, String text) {
    return envelope(new JsonObject()
        .put("messaging_product", "whatsapp")
        .put("metadata", new JsonObject().put("display_phone_number", "551130405060")
            .put("phone_number_id", "209715200054321"))
        .put("contacts", new JsonArray().add(new JsonObject().put("profile", new JsonObject().put("name", "Cliente"))
            .put("wa_id", from)))
        .put("messages", new JsonArray().add(message(from, messageId, text))));
  }

  static JsonObject message(String from, String messageId, String text) {
    return new JsonObject().put("from", from).put("id", messageId)
        .put("timestamp", String.valueOf(System.currentTimeMillis() / 1000)).put("type", "text")
        .put("text", new JsonObject().put("body", text));
  }

  static byte[] envelope(JsonObject value) {
    return new JsonObject().put("object", "whatsapp_business_account")
        .put("entry", new JsonArray().add(new JsonObject().put("id", "104857600012345")
            .put("changes", new JsonArray().add(new JsonObject().put("field", "messages").put("value", value)))))
        .encode().getBytes(StandardCharsets.UTF_8);
  }
}
