package dev.switchboard.engine.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/** What a customer sent. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Content.Text.class, name = "text"),
  @JsonSubTypes.Type(value = Content.Media.class, name = "media"),
  @JsonSubTypes.Type(value = Content.Location.class, name = "location"),
  @JsonSubTypes.Type(value = Content.InteractiveReply.class, name = "interactive"),
  @JsonSubTypes.Type(value = Content.Callback.class, name = "callback"),
  @JsonSubTypes.Type(value = Content.Reaction.class, name = "reaction")
})
public sealed interface Content {

  /** Text the session and the AI read for this content (caption, button title, ...), never null. */
  String text();

  record Text(String body) implements Content {
    public Text {
      Objects.requireNonNull(body, "body");
    }

    @Override
    public String text() {
      return body;
    }
  }

  /** Media reference (bytes are fetched separately by id). {@code mediaType}: image, audio, video, document, sticker, file. */
  record Media(String mediaType, String mediaId, String mimeType, String caption, String url) implements Content {
    @Override
    public String text() {
      return caption == null ? "" : caption;
    }
  }

  record Location(double latitude, double longitude, String name, String address) implements Content {
    @Override
    public String text() {
      return name == null ? "" : name;
    }
  }

  /** A reply to buttons or a list the business sent (WhatsApp interactive, Messenger quick reply). */
  record InteractiveReply(String replyId, String title) implements Content {
    @Override
    public String text() {
      return title == null ? "" : title;
    }
  }

  /** Telegram callback query: {@code callbackId} must be answered; {@code data} is what the button carried. */
  record Callback(String callbackId, String data) implements Content {
    @Override
    public String text() {
      return data == null ? "" : data;
    }
  }

  /**
   * The customer reacted to a message ({@code messageId}, the provider's id) with {@code emoji}; an empty emoji takes
   * a reaction back. Kept in the conversation, never answered: it carries no text for the AI.
   */
  record Reaction(String messageId, String emoji) implements Content {
    @Override
    public String text() {
      return "";
    }

    /** How the reaction shows in the conversation's history. */
    public String label() {
      return emoji == null || emoji.isEmpty() ? "[reação removida]" : "[reação " + emoji + "]";
    }
  }
}
