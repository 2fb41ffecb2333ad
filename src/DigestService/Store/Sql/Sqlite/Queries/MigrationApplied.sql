-- Read inside the migration's own write transaction, so two processes starting together cannot both apply it.
SELECT 1 FROM schema_migrations WHERE name = @Name;
