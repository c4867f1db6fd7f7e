-- Durable schedules: claiming an occurrence advances next_run_at in the same statement (FOR UPDATE SKIP LOCKED),
-- so each occurrence runs once across nodes and survives restarts.
CREATE TABLE schedules (
  id           text PRIMARY KEY,
  tenant_id    text,
  job          text NOT NULL,
  interval_ms  bigint NOT NULL CHECK (interval_ms > 0),
  next_run_at  timestamptz NOT NULL
);
CREATE INDEX schedules_due ON schedules (next_run_at);
