package dev.switchboard.engine.channel.email;

import jakarta.mail.BodyPart;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads one e-mail with Jakarta Mail (Angus): sender and subject decoded (RFC 2047), the body from
 * multipart/alternative (text/plain preferred, else HTML through {@link HtmlText}), charsets as declared (UTF-8,
 * ISO-8859-1, Windows-1252; undeclared 8-bit text tried as UTF-8, then Windows-1252), quoted replies and signatures
 * trimmed, a forwarded message/rfc822 part read as text, attachments as metadata. Text beyond
 * {@code maxTextBytes} is cut; an attachment above {@code maxAttachmentBytes} is never read (its size is estimated
 * from the encoded part). Works on a message parsed from bytes or on an IMAP message, whose parts load lazily.
 */
public final class MailParser {
  private final int maxTextBytes;
  private final long maxAttachmentBytes;

  public MailParser(int maxTextBytes, long maxAttachmentBytes) {
    this.maxTextBytes = maxTextBytes;
    this.maxAttachmentBytes = maxAttachmentBytes;
  }

  /** What the walk over the parts collects. */
  private static final class Collected {
    private final StringBuilder plain = new StringBuilder();
    private final List<MailAttachment> attachments = new ArrayList<>();
    private boolean truncated;
  }

  public ParsedMail parse(MimeMessage message) throws MailParseException {
    try {
      String sourceId = MailKeys.sourceId(message);
      InternetAddress from = from(message);
      Collected found = new Collected();
      walk(message, found, 0);
      String text = QuoteTrimmer.trim(found.plain.toString());
      return new ParsedMail(sourceId, from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
          from == null ? null : from.getPersonal(), subject(message),
          message.getSentDate() == null ? null : message.getSentDate().toInstant(), text, found.attachments,
          found.truncated, MailKeys.autoSubmitted(message));
    } catch (MessagingException e) {
      throw new MailParseException("unreadable MIME structure: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + first(e.getMessage())), e);
    } catch (IOException | RuntimeException e) {
      throw new MailParseException("unreadable content: " + e.getClass().getSimpleName(), e);
    }
  }

  private static String subject(MimeMessage message) throws MessagingException {
    String raw = header(message, "Subject");
    if (raw == null) {
      return "";
    }
    try {
      return MimeUtility.decodeText(MimeUtility.unfold(raw)).strip();
    } catch (IOException e) {
      return raw.strip();
    }
  }

  /**
   * A header as text. Headers with raw 8-bit UTF-8 (RFC 6532, common in practice) are read by Jakarta Mail as
   * ISO-8859-1 unless the session allows UTF-8; their bytes are decoded again here as {@link #decode} does bodies.
   */
  private static String header(MimeMessage message, String name) throws MessagingException {
    String raw = message.getHeader(name, null);
    if (raw == null || raw.chars().allMatch(c -> c < 0x80) || raw.chars().anyMatch(c -> c > 0xff)) {
      return raw;
    }
    return decode(raw.getBytes(StandardCharsets.ISO_8859_1), null);
  }

  private static InternetAddress from(MimeMessage message) throws MessagingException {
    Address[] from;
    try {
      String header = header(message, "From");
      from = header == null ? null : InternetAddress.parseHeader(header, false);
    } catch (MessagingException e) {
      // A malformed From header: the mail is still worth reading; it just has no sender to reply to.
      return null;
    }
    return from != null && from.length > 0 && from[0] instanceof InternetAddress a ? a : null;
  }

  private void walk(Part part, Collected found, int depth) throws MessagingException, IOException {
    if (depth > 10) {
      throw new MessagingException("MIME nesting deeper than 10");
    }
    String type = part.getContentType() == null ? "text/plain" : part.getContentType().toLowerCase(Locale.ROOT);
    if (isAttachment(part, type)) {
      found.attachments.add(attachment(part, type));
    } else if (type.startsWith("multipart/alternative")) {
      Part best = preferred((Multipart) part.getContent());
      if (best != null) {
        walk(best, found, depth + 1);
      }
    } else if (type.startsWith("multipart/")) {
      Multipart multi = (Multipart) part.getContent();
      for (int i = 0; i < multi.getCount(); i++) {
        walk(multi.getBodyPart(i), found, depth + 1);
      }
    } else if (type.startsWith("message/rfc822")) {
      MimeMessage inner = (MimeMessage) part.getContent();
      found.plain.append("\n\n---------- Mensagem encaminhada ----------\n");
      String innerSubject = subject(inner);
      if (!innerSubject.isEmpty()) {
        found.plain.append("Assunto: ").append(innerSubject).append('\n');
      }
      walk(inner, found, depth + 1);
    } else if (type.startsWith("text/plain") || type.startsWith("text/html")) {
      String text = text(part, type, found);
      found.plain.append(found.plain.length() > 0 ? "\n" : "")
          .append(type.startsWith("text/html") ? HtmlText.toText(text) : text);
    } else {
      found.attachments.add(attachment(part, type));
    }
  }

  /** text/plain with content, else text/html, else the first part. */
  private static Part preferred(Multipart alternatives) throws MessagingException {
    Part html = null;
    Part other = null;
    for (int i = 0; i < alternatives.getCount(); i++) {
      BodyPart p = alternatives.getBodyPart(i);
      String type = p.getContentType() == null ? "" : p.getContentType().toLowerCase(Locale.ROOT);
      if (type.startsWith("text/plain") && p.getSize() != 0) {
        return p;
      } else if (type.startsWith("text/html") && html == null) {
        html = p;
      } else if (type.startsWith("multipart/") && other == null) {
        other = p;
      }
    }
    return html != null ? html : other != null ? other : alternatives.getCount() > 0 ? alternatives.getBodyPart(0)
        : null;
  }

  private static boolean isAttachment(Part part, String type) throws MessagingException {
    if (type.startsWith("multipart/") || type.startsWith("message/rfc822") && !Part.ATTACHMENT.equalsIgnoreCase(
        part.getDisposition())) {
      return false;
    }
    return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
  }

  private MailAttachment attachment(Part part, String type) throws MessagingException, IOException {
    String name = part.getFileName();
    try {
      name = name == null ? null : MimeUtility.decodeText(name);
    } catch (IOException e) {
      // keep the raw name
    }
    String mime = baseType(type);
    int encoded = part.getSize();
    if (encoded > maxAttachmentBytes * 4 / 3 + 4) {
      // Too big to read: base64 carries 3 bytes in 4 characters.
      return new MailAttachment(name, mime, encoded * 3L / 4, true);
    }
    long size = 0;
    try (InputStream in = part.getInputStream()) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0 && size <= maxAttachmentBytes;) {
        size += n;
      }
    }
    return new MailAttachment(name, mime, size, size > maxAttachmentBytes);
  }

  private String text(Part part, String type, Collected found) throws MessagingException, IOException {
    byte[] bytes;
    try (InputStream in = part.getInputStream()) {
      bytes = in.readNBytes(maxTextBytes + 1);
    }
    if (bytes.length > maxTextBytes) {
      found.truncated = true;
      bytes = Arrays.copyOf(bytes, maxTextBytes);
    }
    return decode(bytes, charset(type));
  }

  private static Charset charset(String type) {
    try {
      String name = new ContentType(type).getParameter("charset");
      return name == null ? null : Charset.forName(MimeUtility.javaCharset(name));
    } catch (Exception e) {
      return null;
    }
  }

  /** The declared charset; when none (or an unknown one), UTF-8 if the bytes are valid UTF-8, else Windows-1252. */
  static String decode(byte[] bytes, Charset declared) {
    if (declared != null) {
      return new String(bytes, declared);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }

  private static String baseType(String type) {
    try {
      return new ContentType(type).getBaseType().toLowerCase(Locale.ROOT);
    } catch (Exception e) {
      int semi = type.indexOf(';');
      return (semi < 0 ? type : type.substring(0, semi)).strip();
    }
  }

  private static String first(String message) {
    String line = message.lines().findFirst().orElse("");
    return line.length() > 80 ? line.substring(0, 80) : line;
  }
}
