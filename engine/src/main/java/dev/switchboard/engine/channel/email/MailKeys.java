package dev.switchboard.engine.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The dedupe key of a mail: its Message-ID, or a hash of its raw header lines when it has none, so a re-poll, a
 * restart, a re-delivery of the same message or two nodes reading it make one event.
 */
public final class MailKeys {
  private MailKeys() {
  }

  public static String sourceId(MimeMessage message) throws MessagingException {
    String[] ids = message.getHeader("Message-ID");
    String id = ids == null || ids.length == 0 ? null : ids[0].strip();
    if (id != null && id.startsWith("<") && id.endsWith(">")) {
      id = id.substring(1, id.length() - 1).strip();
    }
    if (id != null && !id.isEmpty() && id.length() <= 500) {
      return id;
    }
    StringBuilder headers = new StringBuilder();
    for (String line : Collections.list(message.getAllHeaderLines())) {
      headers.append(line).append("\r\n");
    }
    return "hdr-" + sha256(headers.toString());
  }

  /**
   * Whether a machine sent the mail: {@code Auto-Submitted} other than "no" (RFC 3834), {@code Precedence} bulk,
   * junk, list or auto_reply, or an autoresponder's own header.
   */
  public static boolean autoSubmitted(MimeMessage message) throws MessagingException {
    String auto = message.getHeader("Auto-Submitted", null);
    if (auto != null && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
      return true;
    }
    String precedence = message.getHeader("Precedence", null);
    if (precedence != null && List.of("bulk", "junk", "list", "auto_reply")
        .contains(precedence.strip().toLowerCase(Locale.ROOT))) {
      return true;
    }
    return message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null;
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
