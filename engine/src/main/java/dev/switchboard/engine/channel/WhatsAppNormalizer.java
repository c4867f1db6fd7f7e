package dev.switchboard.engine.channel;

import static dev.switchboard.engine.channel.Payloads.array;
import static dev.switchboard.engine.channel.Payloads.optText;
import static dev.switchboard.engine.channel.Payloads.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.event.ChannelRef;
import dev.switchboard.engine.event.Contact;
import dev.switchboard.engine.event.Content;
import dev.switchboard.engine.event.DeliveryStatus;
import dev.switchboard.engine.event.EventSource;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.event.NormalizedEvent;
import dev.switchboard.engine.event.StatusChanged;
import dev.switchboard.engine.event.UnsupportedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * WhatsApp Cloud API webhooks: every {@code entry[].changes[]} in order, each change's {@code messages[]} and
 * {@code statuses[]} in order (FORMATS.md §1.4-1.5).
 */
final class WhatsAppNormalizer implements PayloadNormalizer {
  private static final Set<String> MEDIA = Set.of("image", "audio", "video", "document", "sticker");

  @Override
  public List<NormalizedEvent> normalize(ChannelRef channel, JsonNode root, String providerEventId) {
    if (!"whatsapp_business_account".equals(optText(root, "object"))) {
      throw new PayloadException("object must be whatsapp_business_account");
    }
    List<NormalizedEvent> events = new ArrayList<>();
    for (JsonNode entry : array(root, "entry", "payload")) {
      for (JsonNode change : array(entry, "changes", "entry")) {
        JsonNode value = change.get("value");
        if (value == null || !value.isObject()) {
          throw new PayloadException("entry.changes.value must be an object (wrong shape)");
        }
        JsonNode contacts = value.path("contacts");
        for (JsonNode message : value.path("messages")) {
          events.add(message(channel, message, contacts));
        }
        for (JsonNode status : value.path("statuses")) {
          events.add(status(channel, status));
        }
      }
    }
    return events;
  }

  private static NormalizedEvent message(ChannelRef channel, JsonNode m, JsonNode contacts) {
    EventSource source = new EventSource(channel, text(m, "id", "message"), seconds(optText(m, "timestamp")));
    String from = optText(m, "from");
    if (from == null) {
      from = optText(m, "from_user_id"); // business-scoped user ids: phone fields may be absent
    }
    if (from == null) {
      return new UnsupportedEvent(source, null, "whatsapp message without sender");
    }
    String contactId = Character.isDigit(from.charAt(0)) ? PhoneNumbers.canonical(from) : from;
    Contact contact = new Contact(contactId, from, name(contacts, from));
    String type = optText(m, "type");
    Content content = content(type == null ? "" : type, m);
    if (content == null) {
      return new UnsupportedEvent(source, contact, "whatsapp type " + (type == null ? "missing" : type));
    }
    return new MessageReceived(source, contact, content, optText(m.path("context"), "id"));
  }

  private static Content content(String type, JsonNode m) {
    JsonNode body = m.path(type);
    if ("text".equals(type)) {
      String text = optText(body, "body");
      return text == null ? null : new Content.Text(text);
    }
    if (MEDIA.contains(type)) {
      return new Content.Media(type, optText(body, "id"), optText(body, "mime_type"), optText(body, "caption"),
          optText(body, "url"));
    }
    if ("location".equals(type)) {
      return new Content.Location(body.path("latitude").asDouble(), body.path("longitude").asDouble(),
          optText(body, "name"), optText(body, "address"));
    }
    if ("interactive".equals(type)) {
      JsonNode reply = body.has("button_reply") ? body.get("button_reply") : body.get("list_reply");
      return reply == null ? null : new Content.InteractiveReply(optText(reply, "id"), optText(reply, "title"));
    }
    if ("button".equals(type)) {
      return new Content.InteractiveReply(optText(body, "payload"), optText(body, "text"));
    }
    if ("reaction".equals(type)) {
      // Cloud API: {"reaction": {"message_id": "wamid…", "emoji": "👍"}}; no emoji when the customer removed it.
      String target = optText(body, "message_id");
      return target == null ? null : new Content.Reaction(target, optText(body, "emoji") == null ? ""
          : optText(body, "emoji"));
    }
    return null;
  }

  private static NormalizedEvent status(ChannelRef channel, JsonNode s) {
    String id = text(s, "id", "status");
    String value = text(s, "status", "status").toLowerCase(Locale.ROOT);
    EventSource source = new EventSource(channel, id + ":" + value, seconds(optText(s, "timestamp")));
    DeliveryStatus status = switch (value) {
      case "sent" -> DeliveryStatus.SENT;
      case "delivered" -> DeliveryStatus.DELIVERED;
      case "read" -> DeliveryStatus.READ;
      case "failed" -> DeliveryStatus.FAILED;
      default -> null;
    };
    if (status == null) {
      return new UnsupportedEvent(source, null, "whatsapp status " + value);
    }
    JsonNode error = s.path("errors").path(0);
    return new StatusChanged(source, id, optText(s, "recipient_id"), status, optText(error, "code"),
        optText(error, "title"));
  }

  private static String name(JsonNode contacts, String from) {
    for (JsonNode c : contacts) {
      if (from.equals(optText(c, "wa_id")) || from.equals(optText(c, "user_id"))) {
        return optText(c.path("profile"), "name");
      }
    }
    return null;
  }

  static Instant seconds(String value) {
    try {
      return value == null ? Instant.now() : Instant.ofEpochSecond(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new PayloadException("timestamp must be Unix seconds");
    }
  }
}
