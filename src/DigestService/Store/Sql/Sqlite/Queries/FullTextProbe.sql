-- Start-up probe: fails with "no such function" when this SQLite build has no FTS5, before any migration needs it.
SELECT fts5_source_id();
