-- Marks a migration applied, in the same transaction as the migration itself.
INSERT INTO schema_migrations (name, applied_at) VALUES (@Name, @At);
