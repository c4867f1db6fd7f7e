package dev.switchboard.engine.outbound;

import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.event.DeliveryStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One action in the outbox. {@code id} is the idempotency key, {@code tenant:origin/source:index}, made by
 * {@link #forEvent} (a turn over a provider event: origin = channel) or {@link #forRequest} (an action asked through
 * the admin API: origin = target + "/admin", source = the caller's id): replaying the same source yields the same
 * ids, so no second command.
 * {@code sender} names the sender that delivers it (sandbox, whatsapp, telegram, webchat). {@code correlationId}
 * ties it to the webhook that caused it, in logs and in the provider request. {@code channelType} is null for
 * integration actions (Trello, Cal.com, e-mail, webhook out), whose {@code key.channelId} names the integration.
 */
public record OutboundCommand(
    String id, ConversationKey key, ChannelType channelType, String sender, String recipient,
    OutboundPayload payload, CommandStatus status, int attempts, Instant createdAt, Instant nextAttemptAt,
    String providerMessageId, DeliveryStatus delivery, String lastError, String correlationId) {

  public OutboundCommand {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    delivery = delivery == null ? DeliveryStatus.NONE : delivery;
  }

  public static String idFor(String tenantId, String sourceEventId, int actionIndex) {
    return tenantId + ':' + sourceEventId + ':' + actionIndex;
  }

  /** The id of the {@code actionIndex}-th action a turn takes over a provider event (ids are unique per channel). */
  public static String forEvent(String tenantId, String channelId, String eventId, int actionIndex) {
    return idFor(tenantId, channelId + '/' + eventId, actionIndex);
  }

  /** The id of an action asked through the admin API with the caller's {@code sourceId} (or Idempotency-Key). */
  public static String forRequest(String tenantId, String target, String sourceId) {
    return idFor(tenantId, target + "/admin/" + sourceId, 0);
  }

  public static OutboundCommand pending(String id, ConversationKey key, ChannelType channelType, String sender,
                                        String recipient, OutboundPayload payload, Instant now, String correlationId) {
    return new OutboundCommand(id, key, channelType, sender, recipient, payload, CommandStatus.PENDING, 0, now, now,
        null, DeliveryStatus.NONE, null, correlationId);
  }

  /**
   * Claimed for a send. While SENDING, {@code nextAttemptAt} is the claim's lease: a node that dies mid-send
   * leaves the command SENDING, and once the lease is over any node may take it back (RETRY) and send it.
   */
  public OutboundCommand sending(Instant leaseUntil) {
    return new OutboundCommand(id, key, channelType, sender, recipient, payload, CommandStatus.SENDING, attempts + 1,
        createdAt, leaseUntil, providerMessageId, delivery, lastError, correlationId);
  }

  public OutboundCommand sent(String providerId) {
    return new OutboundCommand(id, key, channelType, sender, recipient, payload, CommandStatus.SENT, attempts,
        createdAt, null, providerId, delivery.advance(DeliveryStatus.SENT), null, correlationId);
  }

  public OutboundCommand retryAt(Instant when, String error) {
    return new OutboundCommand(id, key, channelType, sender, recipient, payload, CommandStatus.RETRY, attempts,
        createdAt, when, providerMessageId, delivery, error, correlationId);
  }

  /** A dead letter given another chance: a fresh lifecycle (attempts and age restart), same id. */
  public OutboundCommand replayed(Instant now) {
    return new OutboundCommand(id, key, channelType, sender, recipient, payload, CommandStatus.PENDING, 0, now, now,
        providerMessageId, delivery, null, correlationId);
  }

  public OutboundCommand dead(String reason) {
    return new OutboundCommand(id, key, channelType, sender, recipient, payload, CommandStatus.DEAD, attempts,
        createdAt, null, providerMessageId, delivery, reason, correlationId);
  }

  public OutboundCommand withDelivery(DeliveryStatus reported, String error) {
    DeliveryStatus next = delivery.advance(reported);
    String err = next == DeliveryStatus.FAILED && error != null ? error : lastError;
    return new OutboundCommand(id, key, channelType, sender, recipient, payload, status, attempts, createdAt,
        nextAttemptAt, providerMessageId, next, err, correlationId);
  }
}
