package dev.switchboard.email;

import dev.switchboard.config.MailboxConfig;
import dev.switchboard.engine.channel.email.MailKeys;
import dev.switchboard.engine.channel.email.MailParseException;
import dev.switchboard.engine.channel.email.MailParser;
import dev.switchboard.engine.channel.email.ParsedMail;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads new mail from one IMAP folder with Jakarta Mail (Angus). Blocking: call it on a worker thread only. The
 * folder is opened read-only (nothing is marked or moved on the server); what is new is decided by UID: above the
 * last UID handed on while UIDVALIDITY is unchanged, every message when it changed (the server renumbered: the
 * Message-ID dedupe then keeps already-seen mail from becoming a second event).
 */
final class ImapReader {
  private static final int TIMEOUT_MS = 20_000;

  /** One message read: parsed, or with the reason it could not be. */
  record Item(long uid, String sourceId, ParsedMail mail, String failure) {
  }

  /** What one poll read, in UID order, and the highest UID it covered. */
  record Batch(long uidValidity, long highestUid, List<Item> items) {
  }

  private final MailboxConfig config;
  private final MailParser parser;

  ImapReader(MailboxConfig config) {
    this.config = config;
    this.parser = new MailParser(config.maxTextBytes(), config.maxAttachmentBytes());
  }

  Batch read(long knownValidity, long lastUid) throws MessagingException {
    Store store = ImapSessions.connect(config, TIMEOUT_MS);
    try {
      Folder folder = store.getFolder(config.folder());
      folder.open(Folder.READ_ONLY);
      try {
        UIDFolder uids = (UIDFolder) folder;
        long validity = uids.getUIDValidity();
        long from = validity == knownValidity ? lastUid + 1 : 1;
        Message[] found = uids.getMessagesByUID(from, UIDFolder.MAXUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.CONTENT_INFO);
        folder.fetch(found, profile);
        List<Message> fresh = new ArrayList<>();
        for (Message m : found) {
          // "UID n:*" answers the last message even when its UID is below n.
          if (m != null && uids.getUID(m) >= from) {
            fresh.add(m);
          }
        }
        fresh.sort(Comparator.comparingLong(m -> uid(uids, m)));
        List<Item> items = new ArrayList<>();
        long highest = validity == knownValidity ? lastUid : 0;
        for (Message m : fresh.subList(0, Math.min(fresh.size(), config.batch()))) {
          long uid = uid(uids, m);
          items.add(item(uid, (MimeMessage) m, validity));
          highest = Math.max(highest, uid);
        }
        return new Batch(validity, highest, items);
      } finally {
        folder.close(false);
      }
    } finally {
      store.close();
    }
  }

  private Item item(long uid, MimeMessage message, long validity) {
    String sourceId;
    try {
      sourceId = MailKeys.sourceId(message);
    } catch (MessagingException | RuntimeException e) {
      sourceId = "uid-" + validity + "-" + uid;
    }
    try {
      return new Item(uid, sourceId, parser.parse(message), null);
    } catch (MailParseException e) {
      return new Item(uid, sourceId, null, e.getMessage());
    }
  }

  private static long uid(UIDFolder uids, Message m) {
    try {
      return uids.getUID(m);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
