-- What each reader taught the digest: papers rated "more" (+1) or "less" (-1) from the email, papers of an uploaded
-- library (+1), and authors followed. Plus FTS5's vocabulary, whose document counts weigh a term by its rarity.

-- One row per (reader, paper). paper_key is the bare arXiv id, or "title:" and the lower-cased title for a library
-- entry without one. title and body are kept only for papers not in our store; the store's text is used otherwise.
CREATE TABLE profile_papers (
    subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    paper_key     TEXT NOT NULL,
    weight        INTEGER NOT NULL CHECK (weight IN (-1, 1)),
    source        TEXT NOT NULL CHECK (source IN ('rating', 'library')),
    title         TEXT,
    body          TEXT,
    added_at      TEXT NOT NULL,
    PRIMARY KEY (subscriber_id, paper_key)
) WITHOUT ROWID;

ALTER TABLE subscribers ADD COLUMN authors TEXT NOT NULL DEFAULT '';  -- comma-separated names as the reader wrote them

DROP VIEW subscriber_rows;
CREATE VIEW subscriber_rows AS
SELECT id AS Id, email AS Email, status AS Status, topics AS Topics, keywords AS Keywords, time_zone AS TimeZone,
       delivery_hour AS DeliveryHour, frequency AS Frequency, weekly_day AS WeeklyDay, max_papers AS MaxPapers,
       paused_until AS PausedUntil, hard_bounces AS HardBounces, created_at AS CreatedAt, confirmed_at AS ConfirmedAt,
       unsubscribed_at AS UnsubscribedAt, authors AS Authors
FROM subscribers;

-- term, doc (how many papers hold it), cnt: read once per send run.
CREATE VIRTUAL TABLE paper_search_vocab USING fts5vocab(paper_search, 'row');

-- What each digest carried, in its order and with its Why line, so `preview` and the reader's "View in browser" show
-- the digest that was sent rather than a new selection.
ALTER TABLE sent_papers ADD COLUMN position INTEGER;
ALTER TABLE sent_papers ADD COLUMN why TEXT;
