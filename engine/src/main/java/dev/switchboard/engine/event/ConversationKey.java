package dev.switchboard.engine.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/** Session key: one conversation per (tenant, channel, normalised contact). */
public record ConversationKey(String tenantId, String channelId, String contactId) {
  public ConversationKey {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(contactId, "contactId");
  }

  public static ConversationKey of(ChannelRef channel, Contact contact) {
    return new ConversationKey(channel.tenantId(), channel.channelId(), contact.id());
  }

  /** Parses {@code tenant:channel:contact}; the contact part may itself contain ':'. */
  public static ConversationKey parse(String value) {
    int first = value.indexOf(':');
    int second = first < 0 ? -1 : value.indexOf(':', first + 1);
    if (first <= 0 || second <= first + 1 || second == value.length() - 1) {
      throw new IllegalArgumentException("conversation key must be tenant:channel:contact");
    }
    return new ConversationKey(value.substring(0, first), value.substring(first + 1, second), value.substring(second + 1));
  }

  @JsonIgnore
  public String asString() {
    return tenantId + ':' + channelId + ':' + contactId;
  }

  /** Safe for logs: the contact part is replaced by a short hash (contacts are personal data). */
  @JsonIgnore
  public String logId() {
    return tenantId + ':' + channelId + ":#" + Integer.toHexString(asString().hashCode());
  }

  @Override
  public String toString() {
    return logId();
  }
}
