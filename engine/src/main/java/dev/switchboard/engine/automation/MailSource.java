package dev.switchboard.engine.automation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.engine.channel.email.MailAttachment;
import dev.switchboard.engine.channel.email.ParsedMail;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The source item an integration record keeps, as stored JSON: the parsed mail, or for a mail that could not be
 * parsed only its key and the reason. {@code sentAt} is ISO-8601; {@code autoSubmitted}: sent by a machine (never
 * answered by {@code email.reply}).
 */
public record MailSource(String subject, String text, String from, String fromName, String sentAt,
                         List<MailAttachment> attachments, boolean truncated, String unparseable,
                         boolean autoSubmitted) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static MailSource of(ParsedMail mail) {
    return new MailSource(mail.subject(), mail.text(), mail.fromAddress(), mail.fromName(),
        mail.sentAt() == null ? null : mail.sentAt().toString(), mail.attachments(), mail.truncated(), null,
        mail.autoSubmitted());
  }

  public static MailSource unparseable(String reason) {
    return new MailSource("", "", null, null, null, List.of(), false, reason, false);
  }

  /** The record id of a source item: a name-based UUID of (tenant, channel, source id), the same on every read. */
  public static String recordId(String tenantId, String channelId, String sourceId) {
    return UUID.nameUUIDFromBytes((tenantId + '\n' + channelId + '\n' + sourceId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  public String json() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static MailSource parse(String json) {
    try {
      return MAPPER.readValue(json, MailSource.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored source is not readable", e);
    }
  }

  /** What is handed to extraction: the subject, a blank line, then the body. */
  public String extractionText() {
    return subject + "\n\n" + text;
  }
}
