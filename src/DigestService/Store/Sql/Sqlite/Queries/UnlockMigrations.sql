-- The counterpart of LockMigrations: nothing to release on SQLite.
SELECT 1;
