package dev.switchboard.engine.channel.email;

import java.util.Objects;

/**
 * An attachment as metadata only: its name, MIME type and size in bytes. {@code approximate} is true when the size
 * was estimated from the encoded part (a part above the configured limit is never read to count it).
 */
public record MailAttachment(String name, String contentType, long size, boolean approximate) {
  public MailAttachment {
    Objects.requireNonNull(contentType, "contentType");
    name = name == null || name.isBlank() ? "unnamed" : name;
  }
}
