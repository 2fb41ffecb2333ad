-- Nodes starting together migrate one at a time: a session advisory lock (released by UnlockMigrations, or when the
-- session ends if the node dies). The key is fixed: 'digest migrations' as a 64-bit number.
SELECT pg_advisory_lock(7235734218377421653);
