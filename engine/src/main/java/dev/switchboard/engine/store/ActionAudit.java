package dev.switchboard.engine.store;

import java.time.Instant;
import java.util.Objects;

/** An operator's action (a dead-letter replay, an action enqueued by hand): who did what to which subject, when. */
public record ActionAudit(String tenantId, String action, String subject, String actor, Instant at) {
  public ActionAudit {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
  }
}
