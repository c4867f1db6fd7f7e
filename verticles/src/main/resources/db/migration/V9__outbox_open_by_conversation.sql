-- A conversation's unsettled commands, so a node about to send a reply first sends (or waits for) older ones that
-- another node or an earlier process claimed: replies reach the customer in order across a node loss or restart.
-- Partial: settled commands (nearly all rows) are not in it.
CREATE INDEX outbox_open_conversation ON outbox (conversation_key, created_at, id)
  WHERE status IN ('PENDING', 'RETRY', 'SENDING');
