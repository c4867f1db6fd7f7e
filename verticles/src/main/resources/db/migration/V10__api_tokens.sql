-- API tokens scoped to one tenant: only the SHA-256 of the secret is kept; revoked tokens stay for the record.
CREATE TABLE api_tokens (
  id          text PRIMARY KEY,
  tenant_id   text NOT NULL,
  name        text NOT NULL,
  secret_hash text NOT NULL,
  created_by  text,
  created_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);
CREATE INDEX api_tokens_tenant ON api_tokens (tenant_id, created_at DESC);
