-- Knowledge entries managed through the admin API (FAQ answers, documents), per tenant. The search index is built
-- in memory from these rows and the configuration's entries; PostgreSQL only keeps them.
CREATE TABLE knowledge (
  tenant_id   text NOT NULL,
  id          text NOT NULL,
  title       text NOT NULL,
  body        text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
