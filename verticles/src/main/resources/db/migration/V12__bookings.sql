-- Appointments (docs/appointments.md). Personal data: bookings.contact_id and conversation_key (the contact's id,
-- usually a phone number) and attendee_name; booking_dialogues.contact_id and conversation_key. The dialogue state
-- holds dates and slots only.
CREATE TABLE bookings (
  id                text PRIMARY KEY,
  tenant_id         text NOT NULL,
  conversation_key  text NOT NULL,
  channel_id        text NOT NULL,
  contact_id        text NOT NULL,
  provider          text NOT NULL,
  provider_uid      text,
  start_at          timestamptz NOT NULL,
  end_at            timestamptz NOT NULL,
  status            text NOT NULL,
  command_id        text,
  attendee_name     text,
  last_error        text,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);
CREATE INDEX bookings_by_conversation ON bookings (conversation_key, start_at);
CREATE INDEX bookings_by_tenant ON bookings (tenant_id, start_at DESC);
CREATE INDEX bookings_by_contact ON bookings (tenant_id, contact_id);
CREATE INDEX bookings_by_command ON bookings (command_id);
CREATE INDEX bookings_by_uid ON bookings (tenant_id, provider_uid);
CREATE INDEX bookings_by_status ON bookings (status, updated_at);

-- Reminders are claimed by an UPDATE (FOR UPDATE SKIP LOCKED): each is sent once across nodes; one claimed and
-- never marked sent (its node died) is claimed again after a while, and its outbox id keeps the resend single.
CREATE TABLE booking_reminders (
  id              text PRIMARY KEY,
  booking_id      text NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  tenant_id       text NOT NULL,
  due_at          timestamptz NOT NULL,
  minutes_before  int NOT NULL,
  claimed_at      timestamptz,
  sent            boolean NOT NULL DEFAULT false
);
CREATE INDEX booking_reminders_due ON booking_reminders (due_at) WHERE NOT sent;
CREATE INDEX booking_reminders_by_booking ON booking_reminders (booking_id);

CREATE TABLE booking_dialogues (
  conversation_key  text PRIMARY KEY,
  tenant_id         text NOT NULL,
  contact_id        text NOT NULL,
  state             jsonb,
  previous          jsonb,
  event_key         text,
  stage             text,
  updated_at        timestamptz
);
CREATE INDEX booking_dialogues_idle ON booking_dialogues (updated_at) WHERE stage IS NOT NULL AND stage <> 'BOOKING';
