-- Tenant-defined schedules (cron in a zone), their execution log, and the daily metrics roll-up.
-- A schedule's run lease (lease_run/lease_until) is taken by a scheduled occurrence together with moving
-- next_run_at on, or by run-now alone: while one holds it the other waits, on any node.
CREATE TABLE tenant_schedules (
  tenant_id    text NOT NULL,
  id           text NOT NULL,
  name         text NOT NULL,
  cron         text NOT NULL,
  zone         text NOT NULL,
  job          text NOT NULL,
  params       jsonb NOT NULL,
  catch_up     text NOT NULL,
  paused       boolean NOT NULL,
  next_run_at  timestamptz,
  origin       text NOT NULL,
  updated_at   timestamptz NOT NULL,
  lease_run    text,
  lease_until  timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX tenant_schedules_due ON tenant_schedules (next_run_at) WHERE NOT paused;

CREATE TABLE schedule_runs (
  id           text PRIMARY KEY,
  tenant_id    text NOT NULL,
  schedule_id  text NOT NULL,
  job          text NOT NULL,
  trigger      text NOT NULL,
  occurrence   timestamptz NOT NULL,
  started_at   timestamptz NOT NULL,
  ended_at     timestamptz,
  status       text NOT NULL,
  error        text,
  summary      jsonb NOT NULL,
  node         text
);
CREATE INDEX schedule_runs_schedule ON schedule_runs (tenant_id, schedule_id, started_at DESC);
CREATE INDEX schedule_runs_running ON schedule_runs (tenant_id, schedule_id) WHERE status = 'RUNNING';

-- One row per tenant, day (in the tenant's zone) and channel or integration; the roll-up replaces a day's rows
-- in one transaction, so re-running a day gives the same rows.
CREATE TABLE metrics_daily (
  tenant_id              text NOT NULL,
  day                    date NOT NULL,
  channel_id             text NOT NULL,
  conversations          bigint NOT NULL,
  messages_in            bigint NOT NULL,
  messages_out           bigint NOT NULL,
  handoffs               bigint NOT NULL,
  ai_fallbacks           bigint NOT NULL,
  first_responses        bigint NOT NULL,
  first_response_sum_ms  bigint NOT NULL,
  first_response_p50_ms  bigint,
  first_response_p90_ms  bigint,
  actions_sent           bigint NOT NULL,
  actions_failed         bigint NOT NULL,
  actions_pending        bigint NOT NULL,
  PRIMARY KEY (tenant_id, day, channel_id)
);
-- The roll-up reads a day's messages and audit entries per tenant by time.
CREATE INDEX messages_at_brin ON messages USING brin (at);
CREATE INDEX audit_log_at_brin ON audit_log USING brin (at);
