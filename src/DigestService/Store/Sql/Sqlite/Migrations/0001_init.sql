-- The backbone: papers and their daily sightings, subscribers, the delivery outbox and
-- the per-subscriber record of papers already sent.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE papers (
    arxiv_id        TEXT PRIMARY KEY,          -- bare arXiv id, no version
    title           TEXT NOT NULL,
    abstract        TEXT NOT NULL,
    authors         TEXT NOT NULL,             -- JSON array of names
    upvotes         INTEGER NOT NULL DEFAULT 0,
    comments        INTEGER NOT NULL DEFAULT 0,
    ai_summary      TEXT,
    ai_keywords     TEXT,                      -- JSON array
    github_repo     TEXT,
    github_stars    INTEGER,
    project_page    TEXT,
    published_at    TEXT,
    first_listed_on TEXT NOT NULL,
    last_listed_on  TEXT NOT NULL,
    first_seen_at   TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE sightings (
    arxiv_id  TEXT NOT NULL REFERENCES papers(arxiv_id) ON DELETE CASCADE,
    listed_on TEXT NOT NULL,                   -- YYYY-MM-DD of the daily list
    upvotes   INTEGER NOT NULL,
    source    TEXT NOT NULL,
    seen_at   TEXT NOT NULL,
    PRIMARY KEY (arxiv_id, listed_on)
) WITHOUT ROWID;
CREATE INDEX sightings_by_day ON sightings(listed_on, arxiv_id);

CREATE TABLE subscribers (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, so old signed links cannot point at a new person
    email           TEXT NOT NULL UNIQUE COLLATE NOCASE,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'active', 'unsubscribed', 'bounced')),
    topics          TEXT NOT NULL DEFAULT '',  -- comma-separated catalog keys
    keywords        TEXT NOT NULL DEFAULT '',  -- comma-separated phrases, plain text
    time_zone       TEXT NOT NULL DEFAULT 'UTC',
    delivery_hour   INTEGER NOT NULL DEFAULT 7 CHECK (delivery_hour BETWEEN 0 AND 23),
    frequency       TEXT NOT NULL DEFAULT 'daily' CHECK (frequency IN ('daily', 'weekly')),
    weekly_day      INTEGER NOT NULL DEFAULT 1 CHECK (weekly_day BETWEEN 0 AND 6),
    max_papers      INTEGER NOT NULL DEFAULT 10,
    paused_until    TEXT,
    hard_bounces    INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    confirmed_at    TEXT,
    unsubscribed_at TEXT
);

CREATE TABLE deliveries (
    id               INTEGER PRIMARY KEY,
    subscriber_id    INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    edition          TEXT NOT NULL,            -- YYYY-MM-DD
    state            TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'retry', 'failed', 'bounced', 'skipped')),
    message_id       TEXT NOT NULL,
    message          BLOB,                     -- the rendered MIME, so a retry sends the same bytes
    paper_count      INTEGER NOT NULL DEFAULT 0,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    lease_owner      TEXT,
    lease_expires_at TEXT,
    last_reply       TEXT,
    created_at       TEXT NOT NULL,
    sent_at          TEXT,
    UNIQUE (subscriber_id, edition)
);
CREATE INDEX deliveries_by_state ON deliveries(state, next_attempt_at);

CREATE TABLE sent_papers (
    subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    arxiv_id      TEXT NOT NULL,
    edition       TEXT NOT NULL,
    PRIMARY KEY (subscriber_id, arxiv_id)
) WITHOUT ROWID;

-- Subscriber rows named as the Subscriber record reads them, so queries do not repeat the column list.
CREATE VIEW subscriber_rows AS
SELECT id AS Id, email AS Email, status AS Status, topics AS Topics, keywords AS Keywords, time_zone AS TimeZone,
       delivery_hour AS DeliveryHour, frequency AS Frequency, weekly_day AS WeeklyDay, max_papers AS MaxPapers,
       paused_until AS PausedUntil, hard_bounces AS HardBounces, created_at AS CreatedAt, confirmed_at AS ConfirmedAt,
       unsubscribed_at AS UnsubscribedAt
FROM subscribers;
