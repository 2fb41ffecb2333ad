-- Per-source ingest state: when each source last worked (stats) and the HTTP validators for conditional GET;
-- and the arXiv categories that arXiv sources give a paper.

CREATE TABLE feed_sources (
    name            TEXT PRIMARY KEY,          -- Feed:Sources:N:Name
    last_success_at TEXT,
    last_error_at   TEXT,
    last_error      TEXT
);

CREATE TABLE feed_validators (
    source        TEXT NOT NULL,
    url           TEXT NOT NULL,
    etag          TEXT,
    last_modified TEXT,                        -- as the server wrote it (RFC 1123)
    used_at       TEXT NOT NULL,               -- the last ingest that got an answer from this URL
    PRIMARY KEY (source, url)
);

ALTER TABLE papers ADD COLUMN categories TEXT;  -- JSON array, primary category first
