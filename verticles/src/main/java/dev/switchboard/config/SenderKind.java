package dev.switchboard.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who delivers an outbox command: a channel's sender ({@code sandbox} records instead of sending) or an
 * integration's type. Stored in each command as its {@link #wire()} word, so the words never change.
 */
public enum SenderKind {
  SANDBOX, WEBCHAT, WHATSAPP, TELEGRAM, MESSENGER, INSTAGRAM, TRELLO, CALCOM, WEBHOOK, SMTP,
  /** The sandbox calendar: bookings kept by the engine itself (demos, tests). */
  CALENDAR;

  /** The kinds an integration (an outbound-only target of a tenant) can be. */
  public static final Set<SenderKind> INTEGRATIONS = EnumSet.of(TRELLO, CALCOM, SMTP, WEBHOOK, CALENDAR);

  @JsonCreator
  public static SenderKind of(String value) {
    return Selector.parse(SenderKind.class, value, "sender");
  }

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
