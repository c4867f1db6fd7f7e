package dev.switchboard.engine.store;

import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** Outbound commands and their lifecycle. Commands are added by {@link ConversationStore#commit}. */
public interface OutboxStore {

  /** Adds a command unless its id (idempotency key) is known; true when it was new. */
  Future<Boolean> addIfAbsent(OutboundCommand command);

  /** The command, or a succeeded future holding null. */
  Future<OutboundCommand> get(String id);

  /** The commands among {@code ids} that exist, in no particular order. */
  Future<List<OutboundCommand>> getAll(List<String> ids);

  /**
   * Moves a command to its next state only if it is still in {@code expected}: a compare-and-set, so two
   * workers can never both claim one command. True when the update was applied.
   */
  Future<Boolean> transition(CommandStatus expected, OutboundCommand next);

  /** Records a delivery status on the command the provider knows by this id; null when none matches. */
  Future<OutboundCommand> applyDelivery(String providerMessageId,
                                        UnaryOperator<OutboundCommand> change);

  /** Commands of a tenant (all tenants when null) in a status (any when null), newest first. */
  Future<List<OutboundCommand>> list(String tenantId, CommandStatus status, int limit);

  /** PENDING or RETRY commands whose next attempt is due, and SENDING ones whose lease is over; oldest first. */
  Future<List<OutboundCommand>> due(Instant now, int limit);

  /**
   * The conversation's commands created before the command {@code id} created at {@code createdAt} (ties broken by
   * id, as lanes order them) that are not settled yet — PENDING, RETRY, or SENDING under another process's claim —
   * oldest first: what must go to the provider before it does, whichever node or process holds them.
   */
  Future<List<OutboundCommand>> openBefore(ConversationKey key, Instant createdAt, String id, int limit);

  /**
   * Deletes up to {@code limit} settled commands (SENT or DEAD) created before {@code before} (retention); commands
   * still in flight are never touched. Returns how many went.
   */
  Future<Integer> purgeSettled(Instant before, int limit);
}
