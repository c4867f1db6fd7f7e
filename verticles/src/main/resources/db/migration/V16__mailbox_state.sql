-- Where each polled mailbox stands (UIDVALIDITY, last UID handed on) and which node holds its polling lease.
CREATE TABLE IF NOT EXISTS mailbox_state (
  mailbox_id    text PRIMARY KEY,
  uid_validity  bigint NOT NULL DEFAULT 0,
  last_uid      bigint NOT NULL DEFAULT 0,
  owner         text,
  lease_until   timestamptz
);
