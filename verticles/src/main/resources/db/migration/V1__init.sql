-- Switchboard schema v1: inbox, conversations, messages, audit, outbox.
-- Events and payloads are stored as the engine's own JSON records (dev.switchboard.engine.bus.Json).

CREATE TABLE inbox (
  dedupe_key       text PRIMARY KEY,             -- tenant|channel|provider event id: the insert is the dedupe
  seq              bigserial NOT NULL,           -- arrival order, for in-order recovery
  tenant_id        text NOT NULL,
  conversation_key text,                         -- null for events that belong to no conversation
  event            jsonb NOT NULL,
  received_at      timestamptz NOT NULL,
  processed        boolean NOT NULL DEFAULT false
);
CREATE INDEX inbox_unprocessed ON inbox (seq) WHERE NOT processed;

CREATE TABLE conversations (
  conversation_key text PRIMARY KEY,
  tenant_id        text NOT NULL,
  channel_id       text NOT NULL,
  contact_id       text NOT NULL,
  state            text NOT NULL,
  reply_to         text,
  opted_out        boolean NOT NULL,
  created_at       timestamptz NOT NULL,
  last_inbound_at  timestamptz,
  last_activity_at timestamptz NOT NULL,
  version          bigint NOT NULL
);
CREATE INDEX conversations_tenant_activity ON conversations (tenant_id, last_activity_at DESC);
CREATE INDEX conversations_open_activity ON conversations (last_activity_at) WHERE state <> 'CLOSED';

CREATE TABLE messages (
  id               bigserial PRIMARY KEY,
  conversation_key text NOT NULL,
  direction        text NOT NULL,
  body             text NOT NULL,
  event_id         text,
  at               timestamptz NOT NULL
);
CREATE INDEX messages_conversation ON messages (conversation_key, id);

CREATE TABLE audit_log (
  id               bigserial PRIMARY KEY,
  conversation_key text NOT NULL,
  from_state       text NOT NULL,
  to_state         text NOT NULL,
  trigger          text NOT NULL,
  actor            text NOT NULL,
  at               timestamptz NOT NULL
);
CREATE INDEX audit_log_conversation ON audit_log (conversation_key, id);

CREATE TABLE outbox (
  id                  text PRIMARY KEY,          -- idempotency key: tenant:channel/source event:action index
  tenant_id           text NOT NULL,
  conversation_key    text NOT NULL,
  command             jsonb NOT NULL,            -- the full OutboundCommand record
  status              text NOT NULL,
  next_attempt_at     timestamptz,
  provider_message_id text,
  created_at          timestamptz NOT NULL
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status IN ('PENDING', 'RETRY');
CREATE INDEX outbox_tenant_created ON outbox (tenant_id, created_at DESC);
CREATE INDEX outbox_provider_message ON outbox (provider_message_id) WHERE provider_message_id IS NOT NULL;
