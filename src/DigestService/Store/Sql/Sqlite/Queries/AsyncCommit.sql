-- Outcomes of deliveries commit as every SQLite write does here (WAL, synchronous = NORMAL): safe when the service
-- dies, not flushed to the disk at each commit. Nothing to set.
SELECT 1;
