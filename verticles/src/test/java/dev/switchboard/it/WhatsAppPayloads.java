package dev.switchboard.it;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.nio.charset.StandardCharsets;

/** Builds WhatsApp Cloud API webhook bodies shaped like the real ones (see FORMATS.md §1.4). */
final class WhatsAppPayloads {
  private WhatsAppPayloads() {
  }

  static byte[] text(String from, String messageId, String text) {
    return text(from, messageId, text, Instant.now());
  }

  /** A text the customer sent at {@code at} (Meta's timestamp is whole seconds). */
  static byte[] text(String from, String messageId, String text, Instant at) {
    return envelope(new JsonObject()
        .put("messaging_product", "whatsapp")
        .put("metadata", new JsonObject().put("display_phone_number", "551130405060")
            .put("phone_number_id", "209715200054321"))
        .put("contacts", new JsonArray().add(new JsonObject().put("profile", new JsonObject().put("name", "Cliente"))
            .put("wa_id", from)))
        .put("messages", new JsonArray().add(message(from, messageId, text, at))));
  }

  static JsonObject message(String from, String messageId, String text) {
    return message(from, messageId, text, Instant.now());
  }

  static JsonObject message(String from, String messageId, String text, Instant at) {
    return new JsonObject().put("from", from).put("id", messageId)
        .put("timestamp", String.valueOf(at.getEpochSecond())).put("type", "text")
        .put("text", new JsonObject().put("body", text));
  }

  static byte[] envelope(JsonObject value) {
    return new JsonObject().put("object", "whatsapp_business_account")
        .put("entry", new JsonArray().add(new JsonObject().put("id", "104857600012345")
            .put("changes", new JsonArray().add(new JsonObject().put("field", "messages").put("value", value)))))
        .encode().getBytes(StandardCharsets.UTF_8);
  }
}
