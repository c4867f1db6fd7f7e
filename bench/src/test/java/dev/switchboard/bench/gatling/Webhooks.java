package dev.switchboard.bench.gatling;

import dev.switchboard.engine.channel.MetaSignature;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/** Signed WhatsApp webhook bodies for the simulations (the demo tenant's test app secret by default). */
final class Webhooks {
  static final String SECRET = System.getProperty("secret", "acc3pt4nce_app_s3cret_pt_br");
  static final String BASE = System.getProperty("base", "http://127.0.0.1:8080");
  static final String PATH = System.getProperty("path", "/webhooks/demo-whatsapp");

  private Webhooks() {
  }

  static String body(String from, String messageId, String text) {
    JsonObject message = new JsonObject().put("from", from).put("id", messageId)
        .put("timestamp", String.valueOf(System.currentTimeMillis() / 1000)).put("type", "text")
        .put("text", new JsonObject().put("body", text));
    JsonObject value = new JsonObject().put("messaging_product", "whatsapp")
        .put("metadata", new JsonObject().put("display_phone_number", "551130405060")
            .put("phone_number_id", "209715200054321"))
        .put("contacts", new JsonArray().add(new JsonObject().put("wa_id", from)))
        .put("messages", new JsonArray().add(message));
    return new JsonObject().put("object", "whatsapp_business_account")
        .put("entry", new JsonArray().add(new JsonObject().put("id", "1")
            .put("changes", new JsonArray().add(new JsonObject().put("field", "messages").put("value", value)))))
        .encode();
  }

  static String sign(String body) {
    return MetaSignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8));
  }
}
