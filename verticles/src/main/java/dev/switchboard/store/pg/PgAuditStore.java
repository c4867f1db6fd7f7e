package dev.switchboard.store.pg;

import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.ConversationState;
import dev.switchboard.engine.conversation.Trigger;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.store.ActionAudit;
import dev.switchboard.engine.store.AuditStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Audit trail in PostgreSQL (session steps append inside their own transaction, see PgConversationStore). */
public final class PgAuditStore implements AuditStore {
  private final Pool pool;

  public PgAuditStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> append(AuditEntry a) {
    return pool.preparedQuery("INSERT INTO audit_log (conversation_key, from_state, to_state, trigger, actor, at) "
            + "VALUES ($1, $2, $3, $4, $5, $6)")
        .execute(Tuple.of(a.key().asString(), a.from().name(), a.to().name(), a.trigger().name(), a.actor(),
            PgRows.ts(a.at())))
        .mapEmpty();
  }

  @Override
  public Future<Void> recordAction(ActionAudit a) {
    return pool.preparedQuery("INSERT INTO action_audit (tenant_id, action, subject, actor, at) VALUES ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(a.tenantId(), a.action(), a.subject(), a.actor(), PgRows.ts(a.at()))).mapEmpty();
  }

  @Override
  public Future<List<ActionAudit>> actions(String tenantId, int limit) {
    return pool.preparedQuery("SELECT action, subject, actor, at FROM action_audit WHERE tenant_id = $1 "
            + "ORDER BY id DESC LIMIT $2")
        .execute(Tuple.of(tenantId, limit))
        .map(rows -> {
          List<ActionAudit> list = new ArrayList<>();
          for (Row r : rows) {
            list.add(new ActionAudit(tenantId, r.getString(0), r.getString(1), r.getString(2),
                PgRows.instant(r, "at")));
          }
          return list;
        });
  }

  @Override
  public Future<List<AuditEntry>> list(ConversationKey key) {
    return pool.preparedQuery("SELECT from_state, to_state, trigger, actor, at FROM audit_log "
            + "WHERE conversation_key = $1 ORDER BY id")
        .execute(Tuple.of(key.asString()))
        .map(rows -> {
          List<AuditEntry> list = new ArrayList<>();
          for (Row r : rows) {
            list.add(new AuditEntry(key, ConversationState.valueOf(r.getString(0)),
                ConversationState.valueOf(r.getString(1)), Trigger.valueOf(r.getString(2)), r.getString(3),
                PgRows.instant(r, "at")));
          }
          return list;
        });
  }
}
