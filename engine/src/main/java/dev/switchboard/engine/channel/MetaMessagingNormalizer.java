package dev.switchboard.engine.channel;

import static dev.switchboard.engine.channel.Payloads.array;
import static dev.switchboard.engine.channel.Payloads.optText;

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

/**
 * Messenger ({@code object: page}) and Instagram ({@code object: instagram}) webhooks: {@code entry[].messaging[]}
 * in order, millisecond timestamps. Echoes of the business's own messages are dropped: answering them would loop.
 */
final class MetaMessagingNormalizer implements PayloadNormalizer {
  private final String object;

  MetaMessagingNormalizer(String object) {
    this.object = object;
  }

  @Override
  public List<NormalizedEvent> normalize(ChannelRef channel, JsonNode root, String providerEventId) {
    if (!object.equals(optText(root, "object"))) {
      throw new PayloadException("object must be " + object);
    }
    List<NormalizedEvent> events = new ArrayList<>();
    for (JsonNode entry : array(root, "entry", "payload")) {
      for (JsonNode item : entry.path("messaging")) {
        NormalizedEvent event = event(channel, item);
        if (event != null) {
          events.add(event);
        }
      }
    }
    return events;
  }

  private static NormalizedEvent event(ChannelRef channel, JsonNode item) {
    String sender = optText(item.path("sender"), "id");
    long millis = item.path("timestamp").asLong(System.currentTimeMillis());
    Instant at = Instant.ofEpochMilli(millis);
    JsonNode message = item.get("message");
    if (message != null) {
      if (message.path("is_echo").asBoolean(false)) {
        return null;
      }
      String mid = optText(message, "mid");
      EventSource source = new EventSource(channel, mid != null ? mid : fallbackId(sender, millis), at);
      if (sender == null) {
        throw new PayloadException("messaging.sender.id is missing");
      }
      Contact contact = new Contact(sender, sender, null);
      Content content = content(message);
      return content == null ? new UnsupportedEvent(source, contact, object(channel) + " message kind")
          : new MessageReceived(source, contact, content, optText(message.path("reply_to"), "mid"));
    }
    JsonNode postback = item.get("postback");
    if (postback != null && sender != null) {
      String mid = optText(postback, "mid");
      EventSource source = new EventSource(channel, mid != null ? mid : fallbackId(sender, millis), at);
      return new MessageReceived(source, new Contact(sender, sender, null),
          new Content.InteractiveReply(optText(postback, "payload"), optText(postback, "title")), null);
    }
    JsonNode reaction = item.get("reaction");
    if (reaction != null && sender != null) {
      // {"reaction": {"mid": "m_…", "action": "react"|"unreact", "reaction": "love", "emoji": "❤"}}: the id of
      // a reaction event is the message and the action at this time, since one message can be reacted to often.
      String target = optText(reaction, "mid");
      String emoji = "unreact".equals(optText(reaction, "action")) ? "" : optText(reaction, "emoji");
      EventSource source = new EventSource(channel, "reaction:" + target + ":" + millis, at);
      return new MessageReceived(source, new Contact(sender, sender, null),
          new Content.Reaction(target, emoji == null ? "" : emoji), target);
    }
    JsonNode delivery = item.get("delivery");
    if (delivery != null && delivery.path("mids").size() > 0) {
      String mid = delivery.path("mids").path(0).asText();
      return new StatusChanged(new EventSource(channel, mid + ":delivered", at), mid, sender,
          DeliveryStatus.DELIVERED, null, null);
    }
    return new UnsupportedEvent(new EventSource(channel, fallbackId(sender, millis), at), null,
        object(channel) + " event kind");
  }

  private static Content content(JsonNode message) {
    JsonNode quick = message.get("quick_reply");
    if (quick != null) {
      return new Content.InteractiveReply(optText(quick, "payload"), optText(message, "text"));
    }
    String text = optText(message, "text");
    if (text != null) {
      return new Content.Text(text);
    }
    JsonNode attachment = message.path("attachments").path(0);
    if (!attachment.isMissingNode()) {
      return new Content.Media(optText(attachment, "type"), null, null, null, optText(attachment.path("payload"), "url"));
    }
    return null;
  }

  private static String fallbackId(String sender, long millis) {
    return (sender == null ? "unknown" : sender) + "@" + millis;
  }

  private static String object(ChannelRef channel) {
    return channel.type().name().toLowerCase(Locale.ROOT);
  }
}
