package dev.switchboard.email;

import dev.switchboard.config.MailboxConfig;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IMAP IDLE (RFC 2177) on one mailbox, on a thread of its own (it blocks for as long as the mailbox is quiet, so
 * never on the event loop or the worker pool): when the server reports new mail, {@code onNews} runs and the poller
 * reads at once instead of at its next interval. It also runs once when the IDLE starts, for mail that came between
 * the last poll and then. A dropped connection is opened again with backoff; {@link #close} ends it.
 */
final class ImapIdle implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImapIdle.class);
  /** Servers end an IDLE after 30 minutes at most (RFC 2177): reading longer than this means the link is gone. */
  private static final long IDLE_READ_TIMEOUT_MS = 29L * 60 * 1000;
  private final MailboxConfig config;
  private final Runnable onNews;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Store store;

  ImapIdle(MailboxConfig config, Runnable onNews) {
    this.config = config;
    this.onNews = onNews;
    this.thread = new Thread(this::run, "sb-imap-idle-" + config.id());
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    long backoffMs = 1_000;
    while (running) {
      try {
        store = ImapSessions.connect(config, IDLE_READ_TIMEOUT_MS);
        IMAPFolder folder = (IMAPFolder) store.getFolder(config.folder());
        folder.open(Folder.READ_ONLY);
        folder.addMessageCountListener(new MessageCountAdapter() {
          @Override
          public void messagesAdded(MessageCountEvent e) {
            onNews.run();
          }
        });
        LOG.info("mailbox {} IDLE started", config.id());
        onNews.run();
        backoffMs = 1_000;
        while (running) {
          folder.idle(true);
        }
      } catch (Exception e) {
        if (running) {
          LOG.warn("mailbox {} IDLE interrupted cause={}; again in {} ms", config.id(), e.getClass().getSimpleName(),
              backoffMs);
          sleep(backoffMs);
          backoffMs = Math.min(backoffMs * 2, 60_000);
        }
      } finally {
        closeStore();
      }
    }
  }

  private void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private void closeStore() {
    Store s = store;
    store = null;
    if (s != null) {
      try {
        s.close();
      } catch (Exception ignored) {
        // closing a connection that is already gone
      }
    }
  }

  /** Ends the IDLE: closing the connection wakes the blocked thread, which then stops. */
  @Override
  public void close() {
    running = false;
    closeStore();
    thread.interrupt();
  }
}
