package dev.switchboard.engine.outbound;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/** What to send, independent of the provider; senders turn it into each provider's request. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OutboundPayload.Text.class, name = "text"),
  @JsonSubTypes.Type(value = OutboundPayload.Template.class, name = "template"),
  @JsonSubTypes.Type(value = OutboundPayload.Buttons.class, name = "buttons"),
  @JsonSubTypes.Type(value = OutboundPayload.CallbackAnswer.class, name = "callback-answer"),
  @JsonSubTypes.Type(value = OutboundPayload.Email.class, name = "email"),
  @JsonSubTypes.Type(value = OutboundPayload.WebhookEvent.class, name = "webhook"),
  @JsonSubTypes.Type(value = OutboundPayload.TrelloCard.class, name = "trello-card"),
  @JsonSubTypes.Type(value = OutboundPayload.Booking.class, name = "booking"),
  @JsonSubTypes.Type(value = OutboundPayload.BookingMove.class, name = "booking-move"),
  @JsonSubTypes.Type(value = OutboundPayload.BookingCancel.class, name = "booking-cancel")
})
public sealed interface OutboundPayload {

  /** A free-form text reply; {@code contextMessageId} quotes the customer's message where the channel supports it. */
  record Text(String body, String contextMessageId) implements OutboundPayload {
    public Text {
      Objects.requireNonNull(body, "body");
    }
  }

  /** A pre-approved WhatsApp template: the only thing WhatsApp accepts outside the 24-hour window. */
  record Template(String name, String language, List<String> bodyParameters) implements OutboundPayload {
    public Template {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(language, "language");
      bodyParameters = bodyParameters == null ? List.of() : List.copyOf(bodyParameters);
    }
  }

  /** Text with up to three reply buttons (WhatsApp interactive buttons, Telegram inline keyboard). */
  record Buttons(String body, List<Button> buttons) implements OutboundPayload {
    public Buttons {
      Objects.requireNonNull(body, "body");
      buttons = List.copyOf(buttons);
      if (buttons.isEmpty() || buttons.size() > 3) {
        throw new IllegalArgumentException("1 to 3 buttons");
      }
    }
  }

  record Button(String id, String title) {
    public Button {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
    }
  }

  /** Telegram: acknowledges a callback query (stops the button's spinner). */
  record CallbackAnswer(String callbackQueryId, String text) implements OutboundPayload {
    public CallbackAnswer {
      Objects.requireNonNull(callbackQueryId, "callbackQueryId");
    }
  }

  /**
   * An e-mail; the command's recipient is the address. {@code attachments} travel in the outbox with the command
   * (base64), so a retry after a crash sends the same files; keep them small (reports are kilobytes).
   */
  record Email(String subject, String body, List<Attachment> attachments) implements OutboundPayload {
    public Email {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(body, "body");
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Email(String subject, String body) {
      this(subject, body, List.of());
    }
  }

  /** A file attached to an e-mail: its name, MIME type and content in base64. */
  record Attachment(String name, String contentType, String base64) {
    public Attachment {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(base64, "base64");
    }
  }

  /** A Standard Webhooks event posted to the integration's URL; {@code data} is a JSON object as text. */
  record WebhookEvent(String type, String data) implements OutboundPayload {
    public WebhookEvent {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(data, "data");
    }
  }

  /**
   * A Trello card in the integration's list, or in {@code listId} when set; {@code labels} are label ids, {@code due}
   * ISO-8601. {@code ref}, when set, is written into the description so that a resend after a crash can find the
   * card it may already have created instead of creating a second one.
   */
  record TrelloCard(String name, String description, String listId, List<String> labels, String due, String ref)
      implements OutboundPayload {
    public TrelloCard {
      Objects.requireNonNull(name, "name");
      labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public TrelloCard(String name, String description) {
      this(name, description, null, null, null, null);
    }
  }

  /** A Cal.com booking; {@code start} is ISO-8601 UTC. */
  record Booking(long eventTypeId, String start, String attendeeName, String attendeeEmail, String timeZone,
                 String attendeePhone) implements OutboundPayload {
    public Booking {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(attendeeName, "attendeeName");
      Objects.requireNonNull(attendeeEmail, "attendeeEmail");
      timeZone = timeZone == null ? "America/Sao_Paulo" : timeZone;
    }
  }

  /** Moves a booking ({@code uid}, the provider's) to {@code start} (ISO-8601 UTC). */
  record BookingMove(String uid, String start, String reason) implements OutboundPayload {
    public BookingMove {
      Objects.requireNonNull(uid, "uid");
      Objects.requireNonNull(start, "start");
    }
  }

  /** Cancels a booking ({@code uid}, the provider's). */
  record BookingCancel(String uid, String reason) implements OutboundPayload {
    public BookingCancel {
      Objects.requireNonNull(uid, "uid");
    }
  }

  /** Whether a payload is a calendar call whose outcome the booking dialogue waits for. */
  static boolean calendar(OutboundPayload p) {
    return p instanceof Booking || p instanceof BookingMove || p instanceof BookingCancel;
  }
}
