-- The record of applied migrations, made before anything else so the first start can fill it.
CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);
