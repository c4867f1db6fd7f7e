-- Tenants provisioned through the admin API: the JSON they were given, every secret value encrypted (AES-GCM, key
-- from the environment). The YAML file's tenants are not here; both make the tenant directory of every node.
CREATE TABLE tenant_configs (
  id          text PRIMARY KEY,
  config      text NOT NULL,
  disabled    boolean NOT NULL,
  updated_at  timestamptz NOT NULL
);
