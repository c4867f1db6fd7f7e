package dev.switchboard.engine.privacy;

import dev.switchboard.engine.automation.IntegrationLogEntry;
import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import dev.switchboard.engine.automation.MailSource;
import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import java.util.List;

/**
 * The anonymised form of each record an erase keeps for the aggregates: times, directions, states, statuses and
 * channel stay (what reports count); keys become the erasure's random keys, and text, addresses and provider ids go.
 */
public final class ErasedRecords {
  private ErasedRecords() {
  }

  /** Closed and opted out, so no job (idle close, follow-up) ever acts on it; it has no address to send to anyway. */
  public static Conversation conversation(Conversation c, Erasure erasure) {
    return new Conversation(erasure.anonymous(c.key()), ConversationState.CLOSED, null, true, c.createdAt(),
        c.lastInboundAt(), c.lastActivityAt(), c.version() + 1, null);
  }

  public static Turn turn(Turn t) {
    return new Turn(t.direction(), Erasure.ERASED, null, t.at());
  }

  public static AuditEntry audit(AuditEntry a, Erasure erasure) {
    return new AuditEntry(erasure.anonymous(a.key()), a.from(), a.to(), a.trigger(), a.actor(), a.at());
  }

  /**
   * A command kept for the counts under a fresh id. One not yet settled is made DEAD: its recipient is gone, and a
   * sender still holding the old one finds no row under the old id to settle (nothing is written back).
   */
  public static OutboundCommand command(OutboundCommand c, String newId, Erasure erasure) {
    boolean open = c.status() == CommandStatus.PENDING || c.status() == CommandStatus.RETRY
        || c.status() == CommandStatus.SENDING;
    return new OutboundCommand(newId, erasure.anonymous(c.key()), c.channelType(), c.sender(), Erasure.ERASED,
        new OutboundPayload.Text(Erasure.ERASED, null), open ? CommandStatus.DEAD : c.status(), c.attempts(),
        c.createdAt(), null, null, c.delivery(), open || c.lastError() != null ? Erasure.ERASED : null,
        c.correlationId());
  }

  /**
   * An integration record kept for the counts and the audit trail: id, tenant, mailbox, rule, step, times and the
   * log's steps, outcomes and external ids (the Trello card) stay; the sender, the mail, the extracted fields, the
   * mail's Message-ID (JavaMail writes the sender's address into it) and every error text (an SMTP refusal quotes the
   * address) go. One not yet settled becomes FAILED with no command waited on, so no pipeline runs a step again from
   * the erased data; the next version makes a runner holding the old one fail its compare-and-set.
   */
  public static IntegrationRecord integration(IntegrationRecord r) {
    boolean open = r.status() == IntegrationStatus.PENDING || r.status() == IntegrationStatus.REQUIRES_REVIEW;
    List<IntegrationLogEntry> log = r.log().stream().map(e -> e.error() == null ? e : new IntegrationLogEntry(e.step(),
        e.stepType(), e.attempt(), e.at(), e.outcome(), Erasure.ERASED, e.externalId())).toList();
    return new IntegrationRecord(r.id(), r.tenantId(), r.channelId(), Erasure.ERASED, r.ruleId(),
        open ? IntegrationStatus.FAILED : r.status(), r.step(), null, erasedMail(), null,
        open || !r.errors().isEmpty() ? List.of(Erasure.ERASED) : List.of(), null, r.version() + 1, r.createdAt(),
        r.updatedAt(), log);
  }

  /** The mail of an erased integration record: no sender, subject or text; it cannot be matched or retried. */
  public static String erasedMail() {
    return MailSource.unparseable(Erasure.ERASED).json();
  }

  public static boolean erased(IntegrationRecord r) {
    return r.contact() == null && erasedMail().equals(r.source());
  }
}
