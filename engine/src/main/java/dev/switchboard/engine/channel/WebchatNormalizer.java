package dev.switchboard.engine.channel;

import static dev.switchboard.engine.channel.Payloads.optText;
import static dev.switchboard.engine.channel.Payloads.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.event.ChannelRef;
import dev.switchboard.engine.event.Contact;
import dev.switchboard.engine.event.Content;
import dev.switchboard.engine.event.EventSource;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.event.NormalizedEvent;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The engine's own web chat frames: {@code {"visitorId","messageId","text","sentAt","origin"}}; {@code origin} is the
 * edge's hash of the visitor's address.
 */
final class WebchatNormalizer implements PayloadNormalizer {
  private static final Pattern VISITOR = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final int MAX_TEXT = 4096;

  @Override
  public List<NormalizedEvent> normalize(ChannelRef channel, JsonNode root, String providerEventId) {
    String visitor = text(root, "visitorId", "webchat");
    if (!VISITOR.matcher(visitor).matches()) {
      throw new PayloadException("webchat.visitorId must be 8-64 characters of A-Z a-z 0-9 _ -");
    }
    String text = optText(root, "text");
    if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
      throw new PayloadException("webchat.text must be 1-" + MAX_TEXT + " characters");
    }
    long sentAt = root.path("sentAt").asLong(System.currentTimeMillis());
    EventSource source = new EventSource(channel, text(root, "messageId", "webchat"), Instant.ofEpochMilli(sentAt));
    return List.of(new MessageReceived(source, new Contact(visitor, visitor, null, optText(root, "origin")),
        new Content.Text(text), null));
  }
}
