-- The tenant registry (ids, channel and integration ids and types); secrets stay in configuration.
CREATE TABLE tenants (
  id          text PRIMARY KEY,
  record      jsonb NOT NULL,
  updated_at  timestamptz NOT NULL
);
