package dev.switchboard.bench.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/** The webhook payloads the load generator sends: WhatsApp Cloud API text messages as Meta posts them (~1 KB). */
final class Bodies {
  private Bodies() {
  }

  static byte[] whatsappText(String from, String messageId, String text) {
    JsonObject message = new JsonObject().put("from", from).put("id", messageId)
        .put("timestamp", String.valueOf(System.currentTimeMillis() / 1000)).put("type", "text")
        .put("text", new JsonObject().put("body", text));
    JsonObject value = new JsonObject().put("messaging_product", "whatsapp")
        .put("metadata", new JsonObject().put("display_phone_number", "551130405060")
            .put("phone_number_id", "209715200054321"))
        .put("contacts", new JsonArray().add(new JsonObject().put("profile", new JsonObject()
            .put("name", "Cliente de Teste da Silva")).put("wa_id", from)))
        .put("messages", new JsonArray().add(message));
    return new JsonObject().put("object", "whatsapp_business_account")
        .put("entry", new JsonArray().add(new JsonObject().put("id", "102290129340398")
            .put("changes", new JsonArray().add(new JsonObject().put("field", "messages").put("value", value)))))
        .encode().getBytes(StandardCharsets.UTF_8);
  }
}
