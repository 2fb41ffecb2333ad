-- Outcomes of deliveries commit without waiting for the WAL flush (this transaction only), as SQLite's
-- synchronous = NORMAL does: safe when a node dies; a crash of the database server itself may lose the last fraction
-- of a second of outcomes, whose messages are then sent again. Waiting for the flush made each message cost one fsync.
SET LOCAL synchronous_commit = off;
