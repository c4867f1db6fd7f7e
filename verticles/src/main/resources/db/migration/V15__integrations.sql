-- Integration records: one per source item (an e-mail), its pipeline position and its log (issue 15).
CREATE TABLE IF NOT EXISTS integrations (
  id          text PRIMARY KEY,
  tenant_id   text NOT NULL,
  channel_id  text NOT NULL,
  source_id   text NOT NULL,
  rule_id     text,
  status      text NOT NULL,
  step        int NOT NULL,
  contact     text,
  source      text NOT NULL,
  data        text,
  errors      jsonb NOT NULL DEFAULT '[]',
  waiting_on  text,
  version     bigint NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  log         jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS integrations_by_tenant ON integrations (tenant_id, created_at DESC);
CREATE INDEX IF NOT EXISTS integrations_pending ON integrations (updated_at, id) WHERE status = 'PENDING';
CREATE INDEX IF NOT EXISTS integrations_by_contact ON integrations (tenant_id, contact);
