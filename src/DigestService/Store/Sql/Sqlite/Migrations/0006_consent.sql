-- Consent that nothing undoes: a suppression list that outlives the subscriber, single-use confirmation requests,
-- the audit trail of every status change, and the bounce mailbox's read position.

-- One row per address that said stop, bounced or complained, or asked to be deleted. Keyed by an HMAC of the
-- normalized address with a server secret (never the address), so an erased person stays erased and still suppressed.
CREATE TABLE suppressions (
    address_hash TEXT PRIMARY KEY,
    reason       TEXT NOT NULL CHECK (reason IN ('unsubscribed', 'bounced', 'complained', 'deleted')),
    source       TEXT NOT NULL,                 -- who: web, link, cli, bounce, complaint
    since        TEXT NOT NULL
) WITHOUT ROWID;

-- A confirmation link's request: what the form asked for is applied only when the link is used, and only once.
-- AUTOINCREMENT: the id is in the signed link and must never point at a later request.
CREATE TABLE confirmations (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    topics        TEXT,                         -- null: keep the stored ones
    time_zone     TEXT,
    source        TEXT NOT NULL,                -- web (the form or the preferences page) or cli (subscribers unsuppress)
    reason        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    used_at       TEXT
);
CREATE INDEX confirmations_by_subscriber ON confirmations(subscriber_id);

-- Every change of a subscriber's status: who, when, why. Deleted with the subscriber ("Delete me" erases it too).
CREATE TABLE status_changes (
    id            INTEGER PRIMARY KEY,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    old_status    TEXT,                         -- null for a new subscriber
    new_status    TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('web', 'link', 'cli', 'bounce', 'complaint')),
    reason        TEXT NOT NULL,
    at            TEXT NOT NULL
);
CREATE INDEX status_changes_by_subscriber ON status_changes(subscriber_id, id);

-- The POP3 messages the bounce mailbox reader looked at and left on the server (by UIDL), so a run downloads only
-- what is new. (IMAP needs only the folder's UIDVALIDITY and last UID, kept in settings.)
CREATE TABLE bounce_mailbox_seen (
    mailbox TEXT NOT NULL,                      -- protocol, user and host (and folder): another mailbox starts afresh
    uid     TEXT NOT NULL,
    PRIMARY KEY (mailbox, uid)
) WITHOUT ROWID;

-- Complaints (ARF) are applied once each, like bounce reports; a kind column tells them apart.
ALTER TABLE bounce_reports ADD COLUMN kind TEXT NOT NULL DEFAULT 'bounce';
