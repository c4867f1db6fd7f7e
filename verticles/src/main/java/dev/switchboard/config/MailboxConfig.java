package dev.switchboard.config;

import java.util.Locale;
import java.util.Objects;

/**
 * A mailbox the engine reads (issue 15): {@code type: imap}, {@code host}, {@code port} (993 with {@code tls}, else
 * 143), {@code tls} (implicit TLS) or {@code startTls}, {@code user}, {@code password} (a {@code ${ENV}} reference),
 * {@code folder} (INBOX), {@code pollMs} (how often it is read; default 30 s), {@code maxTextBytes} (body text kept;
 * 64 KiB), {@code maxAttachmentBytes} (above it an attachment is not read even to count it; 10 MiB), {@code leaseMs}
 * (how long a node holds the mailbox without renewing; default three polls), {@code batch} (messages per poll),
 * {@code idle} (also hold an IMAP IDLE, so new mail is read at once; the polls go on as a safety net).
 */
public record MailboxConfig(String id, String type, String host, int port, boolean tls, boolean startTls, String user,
                            String password, String folder, long pollMs, int maxTextBytes, long maxAttachmentBytes,
                            long leaseMs, int batch, boolean idle) {
  public MailboxConfig {
    Objects.requireNonNull(id, "mailbox id");
    type = type == null ? "imap" : type.toLowerCase(Locale.ROOT);
    if (!"imap".equals(type)) {
      throw new IllegalArgumentException("mailbox " + id + ": type must be imap");
    }
    if (host == null || host.isBlank() || user == null || user.isBlank()) {
      throw new IllegalArgumentException("mailbox " + id + ": host and user are required");
    }
    port = port > 0 ? port : tls ? 993 : 143;
    folder = folder == null || folder.isBlank() ? "INBOX" : folder;
    pollMs = pollMs > 0 ? pollMs : 30_000;
    maxTextBytes = maxTextBytes > 0 ? maxTextBytes : 64 * 1024;
    maxAttachmentBytes = maxAttachmentBytes > 0 ? maxAttachmentBytes : 10L * 1024 * 1024;
    leaseMs = leaseMs > 0 ? leaseMs : Math.max(3 * pollMs, 10_000);
    batch = batch > 0 ? batch : 50;
  }

  @Override
  public String toString() {
    return "MailboxConfig[" + id + " " + host + ":" + port + "/" + folder + "]";
  }
}
