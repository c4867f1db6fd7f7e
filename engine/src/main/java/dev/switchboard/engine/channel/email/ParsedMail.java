package dev.switchboard.engine.channel.email;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One e-mail as the automations see it. {@code sourceId} is its dedupe key: the Message-ID (without angle brackets),
 * or {@code hdr-<sha256>} of the raw headers when it has none. {@code text} is the body as plain text with quoted
 * replies and signatures trimmed (HTML converted when there is no text part); {@code truncated} when the body was
 * longer than the configured limit; {@code autoSubmitted} when a machine sent it (RFC 3834 Auto-Submitted, a bulk or
 * auto-reply Precedence, an autoresponder's header): such mail is never answered, or two autoresponders would loop.
 */
public record ParsedMail(String sourceId, String fromAddress, String fromName, String subject, Instant sentAt,
                         String text, List<MailAttachment> attachments, boolean truncated, boolean autoSubmitted) {
  public ParsedMail {
    Objects.requireNonNull(sourceId, "sourceId");
    subject = subject == null ? "" : subject;
    text = text == null ? "" : text;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  public ParsedMail(String sourceId, String fromAddress, String fromName, String subject, Instant sentAt, String text,
                    List<MailAttachment> attachments, boolean truncated) {
    this(sourceId, fromAddress, fromName, subject, sentAt, text, attachments, truncated, false);
  }
}
