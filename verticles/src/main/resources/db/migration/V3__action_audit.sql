-- Operator actions (dead-letter replays, actions enqueued through the admin API).
CREATE TABLE action_audit (
  id        bigserial PRIMARY KEY,
  tenant_id text NOT NULL,
  action    text NOT NULL,
  subject   text NOT NULL,
  actor     text NOT NULL,
  at        timestamptz NOT NULL
);
CREATE INDEX action_audit_tenant ON action_audit (tenant_id, id DESC);
