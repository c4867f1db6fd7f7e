package dev.switchboard.engine.channel;

import static dev.switchboard.engine.channel.Payloads.optText;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.event.ChannelRef;
import dev.switchboard.engine.event.Contact;
import dev.switchboard.engine.event.Content;
import dev.switchboard.engine.event.EventSource;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.event.NormalizedEvent;
import dev.switchboard.engine.event.UnsupportedEvent;
import java.time.Instant;
import java.util.List;

/**
 * Telegram Update objects: {@code update_id} is the event id (Telegram documents it for ignoring repeats); chat
 * ids are 64-bit and negative for groups, so they are kept as text.
 */
final class TelegramNormalizer implements PayloadNormalizer {

  @Override
  public List<NormalizedEvent> normalize(ChannelRef channel, JsonNode root, String providerEventId) {
    JsonNode updateId = root.get("update_id");
    if (updateId == null || !updateId.canConvertToLong()) {
      throw new PayloadException("update_id is missing");
    }
    String id = updateId.asText();
    JsonNode message = root.has("message") ? root.get("message") : root.get("edited_message");
    if (message != null) {
      return List.of(message(channel, id, message));
    }
    JsonNode callback = root.get("callback_query");
    if (callback != null) {
      JsonNode chat = callback.path("message").path("chat");
      String chatId = chat.has("id") ? chat.get("id").asText() : optText(callback.path("from"), "id");
      if (chatId == null) {
        throw new PayloadException("callback_query has no chat or sender");
      }
      EventSource source = new EventSource(channel, id, Instant.now());
      return List.of(new MessageReceived(source, new Contact(chatId, chatId, optText(callback.path("from"), "first_name")),
          new Content.Callback(optText(callback, "id"), optText(callback, "data")), null));
    }
    JsonNode reaction = root.get("message_reaction");
    if (reaction != null && reaction.path("chat").has("id")) {
      // Bot API 7.0: new_reaction lists the emoji now set by the user (empty: taken back). Needs
      // "message_reaction" in the webhook's allowed_updates.
      String chatId = reaction.path("chat").get("id").asText();
      JsonNode first = reaction.path("new_reaction").path(0);
      String emoji = "emoji".equals(optText(first, "type")) ? optText(first, "emoji") : "";
      String target = reaction.path("message_id").asText();
      EventSource source = new EventSource(channel, id, Instant.ofEpochSecond(reaction.path("date").asLong()));
      return List.of(new MessageReceived(source, new Contact(chatId, chatId, optText(reaction.path("user"),
          "first_name")), new Content.Reaction(target, emoji == null ? "" : emoji), target));
    }
    return List.of(new UnsupportedEvent(new EventSource(channel, id, Instant.now()), null, "telegram update kind"));
  }

  private static NormalizedEvent message(ChannelRef channel, String id, JsonNode m) {
    JsonNode chat = m.path("chat");
    if (!chat.has("id")) {
      throw new PayloadException("message.chat.id is missing");
    }
    String chatId = chat.get("id").asText();
    EventSource source = new EventSource(channel, id, Instant.ofEpochSecond(m.path("date").asLong()));
    Contact contact = new Contact(chatId, chatId, optText(m.path("from"), "first_name"));
    Content content = content(m);
    String replyTo = m.path("reply_to_message").has("message_id")
        ? m.path("reply_to_message").get("message_id").asText() : null;
    return content == null ? new UnsupportedEvent(source, contact, "telegram message kind")
        : new MessageReceived(source, contact, content, replyTo);
  }

  private static Content content(JsonNode m) {
    String text = optText(m, "text");
    if (text != null) {
      return new Content.Text(text);
    }
    String caption = optText(m, "caption");
    if (m.has("photo")) {
      JsonNode largest = m.get("photo").path(m.get("photo").size() - 1);
      return new Content.Media("image", optText(largest, "file_id"), "image/jpeg", caption, null);
    }
    for (String kind : new String[] {"voice", "audio", "video", "document", "sticker"}) {
      if (m.has(kind)) {
        JsonNode media = m.get(kind);
        return new Content.Media(kind.equals("voice") ? "audio" : kind, optText(media, "file_id"),
            optText(media, "mime_type"), caption, null);
      }
    }
    if (m.has("location")) {
      JsonNode loc = m.get("location");
      return new Content.Location(loc.path("latitude").asDouble(), loc.path("longitude").asDouble(), null, null);
    }
    return null;
  }
}
