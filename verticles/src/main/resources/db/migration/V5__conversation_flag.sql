-- A conversation a person should look at (e.g. the AI failed and the customer got the fallback text).
ALTER TABLE conversations ADD COLUMN flag text;
CREATE INDEX conversations_flagged ON conversations (tenant_id) WHERE flag IS NOT NULL;
