package dev.switchboard.engine.privacy;

import dev.switchboard.engine.event.ConversationKey;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One erase request. Rows that aggregate metrics read (conversations, messages, audit entries, outbox commands) are
 * kept under a new, random conversation key and stripped of text and addresses; the random part is drawn fresh and
 * never stored next to the old key, so nothing maps the kept rows back to the person. Every store uses the same
 * new key for one conversation, so counts per conversation stay right.
 */
public final class Erasure {
  /** What replaces text (message bodies, payloads, errors) and addresses. */
  public static final String ERASED = "[erased]";
  /** Contact ids of anonymised conversations start with this. */
  public static final String ID_PREFIX = "erased-";

  private final String id;
  private final Instant at;
  private final Map<ConversationKey, ConversationKey> keys = new ConcurrentHashMap<>();

  private Erasure(String id, Instant at) {
    this.id = id;
    this.at = at;
  }

  public static Erasure start(Instant now) {
    return new Erasure(UUID.randomUUID().toString(), Objects.requireNonNull(now, "now"));
  }

  /** The erasure's own id: what the audit entry and the answer name (it carries nothing of the contact). */
  public String id() {
    return id;
  }

  public Instant at() {
    return at;
  }

  /** The anonymous key that replaces {@code key}: the same for every store during this erasure. */
  public ConversationKey anonymous(ConversationKey key) {
    return keys.computeIfAbsent(key, k -> new ConversationKey(k.tenantId(), k.channelId(), ID_PREFIX + randomPart()));
  }

  /** A fresh id for a kept outbox command: its old id holds the provider's event id, which may encode the number. */
  public String commandId(String tenantId) {
    return tenantId + ":erased/" + randomPart() + ":0";
  }

  private static String randomPart() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
