-- Releases the advisory lock LockMigrations took.
SELECT pg_advisory_unlock(7235734218377421653);
