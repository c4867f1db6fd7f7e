package dev.switchboard.email;

import dev.switchboard.config.MailboxConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;

/** Opens an IMAP(S) connection to a configured mailbox with bounded timeouts. Blocking. */
final class ImapSessions {
  private ImapSessions() {
  }

  /** {@code readTimeoutMs}: how long a read may wait (an IDLE connection waits long, a poll does not). */
  static Store connect(MailboxConfig config, long readTimeoutMs) throws MessagingException {
    String protocol = config.tls() ? "imaps" : "imap";
    Properties props = new Properties();
    props.put("mail.store.protocol", protocol);
    props.put("mail." + protocol + ".connectiontimeout", "20000");
    props.put("mail." + protocol + ".timeout", String.valueOf(readTimeoutMs));
    props.put("mail." + protocol + ".writetimeout", "20000");
    props.put("mail." + protocol + ".starttls.enable", String.valueOf(config.startTls()));
    props.put("mail." + protocol + ".starttls.required", String.valueOf(config.startTls()));
    props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
    Store store = Session.getInstance(props).getStore(protocol);
    store.connect(config.host(), config.port(), config.user(), config.password());
    return store;
  }
}
