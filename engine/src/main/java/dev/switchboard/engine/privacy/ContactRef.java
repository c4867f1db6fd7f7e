package dev.switchboard.engine.privacy;

import dev.switchboard.engine.channel.PayloadException;
import dev.switchboard.engine.channel.PhoneNumbers;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A data subject as an operator names one: a tenant and the contact id shown by the conversation list (E.164 for a
 * phone, the chat id on Telegram, the visitor id on the web chat). A contact is the same person on every channel of
 * the tenant where that id is used (an e-mail address for a channel that has one).
 */
public record ContactRef(String tenantId, String contactId) {
  private static final int MAX_ID = 200;

  public ContactRef {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(contactId, "contactId");
    if (tenantId.isBlank() || contactId.isBlank()) {
      throw new IllegalArgumentException("tenant and contact id must not be blank");
    }
    if (contactId.length() > MAX_ID) {
      throw new IllegalArgumentException("contact id longer than " + MAX_ID + " characters");
    }
  }

  /**
   * The contact ids this reference matches: as written, and for a phone number its canonical E.164 form (so
   * {@code 5511987654321}, {@code +55 11 98765-4321} and the pre-ninth-digit form name the same contact).
   */
  public Set<String> ids() {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(contactId);
    if (contactId.indexOf('@') > 0) {
      // An e-mail address: the domain and, in practice, the whole address are case-insensitive.
      ids.add(contactId.toLowerCase(Locale.ROOT));
      return ids;
    }
    try {
      ids.add(PhoneNumbers.canonical(contactId));
    } catch (PayloadException notAPhone) {
      // A Telegram chat id or a web chat visitor id: matched as written.
    }
    return ids;
  }
}
