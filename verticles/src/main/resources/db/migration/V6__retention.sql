-- Retention: the scheduler deletes old processed inbox rows and old settled outbox commands in batches.
-- BRIN indexes, not B-trees: rows arrive in time order, so a BRIN over the timestamp finds the old block ranges
-- at a cost of a few pages, and costs the hot insert path next to nothing (a B-tree would be one more index
-- write per webhook and per processed event).
CREATE INDEX inbox_received_brin ON inbox USING brin (received_at);
CREATE INDEX outbox_created_brin ON outbox USING brin (created_at);
