-- Readiness: the names of the migrations this database has applied.
SELECT name FROM schema_migrations;
