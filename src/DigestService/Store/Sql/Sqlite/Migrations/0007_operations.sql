-- Operations: every job run with its outcome (a failed ingest is recorded as failed, and the dashboard lists the
-- last runs), subscriber counts by status per day (the dashboard's chart), and the ASP.NET Core Data Protection
-- key ring, so form tokens survive a restart and every node of a shared database reads the same keys.

CREATE TABLE job_runs (
    id          INTEGER PRIMARY KEY,
    job         TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('ok', 'failed')),
    summary     TEXT NOT NULL                  -- the counts the CLI prints, or the reason it failed
);
CREATE INDEX job_runs_by_job ON job_runs(job, started_at);

CREATE TABLE subscriber_counts (
    day    TEXT NOT NULL,                      -- YYYY-MM-DD, UTC
    status TEXT NOT NULL,
    count  INTEGER NOT NULL,
    PRIMARY KEY (day, status)
) WITHOUT ROWID;

CREATE TABLE data_protection_keys (
    name       TEXT PRIMARY KEY,               -- the key's friendly name (key-GUID)
    xml        TEXT NOT NULL,                  -- the key element as Data Protection wrote it (encrypted where configured)
    created_at TEXT NOT NULL
);

-- The dashboard's "deliveries per day" and the retention job walk deliveries by creation time.
CREATE INDEX deliveries_by_created ON deliveries(created_at);
