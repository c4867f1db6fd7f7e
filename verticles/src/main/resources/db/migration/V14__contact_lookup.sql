-- Data-subject requests (LGPD export and erase) find a contact's conversations by tenant and contact id.
CREATE INDEX IF NOT EXISTS conversations_tenant_contact ON conversations (tenant_id, contact_id);
