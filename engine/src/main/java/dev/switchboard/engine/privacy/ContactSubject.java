package dev.switchboard.engine.privacy;

import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.event.ConversationKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A contact resolved against the stores: its conversations (one per channel it used), the tenant's channel ids, the
 * inbox events, outbox commands and integration records (e-mails it sent, or naming it) found for it. Every
 * {@link ContactSource} exports and erases from this, so they all agree on what belongs to the contact.
 */
public record ContactSubject(ContactRef ref, List<Conversation> conversations, Set<String> channelIds,
                             Set<String> eventKeys, Set<String> commandIds, Set<String> recordIds) {
  /** Shorter addresses (a Telegram chat id) are matched only through keys, never by searching text for them. */
  public static final int MIN_SEARCHED = 8;

  public ContactSubject {
    Objects.requireNonNull(ref, "ref");
    conversations = List.copyOf(conversations);
    channelIds = Set.copyOf(channelIds);
    eventKeys = Set.copyOf(eventKeys);
    commandIds = Set.copyOf(commandIds);
    recordIds = recordIds == null ? Set.of() : Set.copyOf(recordIds);
  }

  public ContactSubject(ContactRef ref, List<Conversation> conversations, Set<String> channelIds,
                        Set<String> eventKeys, Set<String> commandIds) {
    this(ref, conversations, channelIds, eventKeys, commandIds, Set.of());
  }

  public static ContactSubject of(ContactRef ref, List<Conversation> conversations, Set<String> channelIds) {
    return new ContactSubject(ref, conversations, channelIds, Set.of(), Set.of());
  }

  public ContactSubject withHoldings(Set<String> events, Set<String> commands) {
    return new ContactSubject(ref, conversations, channelIds, events, commands, recordIds);
  }

  /** With the ids of the integration records found for the contact. */
  public ContactSubject withRecords(Set<String> records) {
    return new ContactSubject(ref, conversations, channelIds, eventKeys, commandIds, records);
  }

  /** The same holdings over another set of the tenant's channels. */
  public ContactSubject withChannels(Set<String> channels) {
    return new ContactSubject(ref, conversations, channels, eventKeys, commandIds, recordIds);
  }

  public List<ConversationKey> keys() {
    return conversations.stream().map(Conversation::key).toList();
  }

  public boolean isEmpty() {
    return conversations.isEmpty() && eventKeys.isEmpty() && commandIds.isEmpty() && recordIds.isEmpty();
  }

  /**
   * Every conversation key the contact may have data under: its conversations, and the contact on each of the
   * tenant's channels (caches and rate limits keyed by conversation outlive an erase that crashed half-way, and a
   * retry finds no conversation any more).
   */
  public Set<ConversationKey> candidateKeys() {
    Set<ConversationKey> keys = new LinkedHashSet<>(keys());
    for (String channel : channelIds) {
      for (String id : ref.ids()) {
        keys.add(new ConversationKey(ref.tenantId(), channel, id));
      }
    }
    return keys;
  }

  /**
   * How the contact is written in stored payloads: its ids, the provider addresses replies went to, and each phone
   * number with and without its '+' (WhatsApp writes {@code 5511…} where the contact id is {@code +5511…}).
   */
  public Set<String> addresses() {
    Set<String> out = new LinkedHashSet<>();
    ref.ids().forEach(out::add);
    conversations.forEach(c -> {
      out.add(c.key().contactId());
      if (c.replyTo() != null) {
        out.add(c.replyTo());
      }
    });
    Set<String> withDigits = new LinkedHashSet<>(out);
    out.stream().filter(a -> a.startsWith("+")).forEach(a -> withDigits.add(a.substring(1)));
    return withDigits;
  }

  /** The addresses distinctive enough to search payload text for. */
  public Set<String> searchedAddresses() {
    Set<String> out = new LinkedHashSet<>();
    addresses().stream().filter(a -> a.length() >= MIN_SEARCHED).forEach(out::add);
    return out;
  }

  /**
   * Whether a stored text (a payload as JSON) names the contact: an address as a whole token, not inside a longer
   * one — a Telegram chat id {@code 987654321} must not find the WhatsApp customer {@code +5511987654321}.
   */
  public boolean mentionedIn(String text) {
    if (text == null || searchedAddresses().isEmpty()) {
      return false;
    }
    String any = String.join("|", searchedAddresses().stream().map(Pattern::quote).toList());
    return Pattern.compile("(?<![0-9A-Za-z])(?:" + any + ")(?![0-9A-Za-z])").matcher(text).find();
  }
}
