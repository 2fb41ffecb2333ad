-- Quartz's job store tables exist only on PostgreSQL, where several nodes share one clustered scheduler. On SQLite
-- (one node) Quartz keeps its triggers in memory, and the catch-up at start-up covers what a restart missed.
SELECT 1;
