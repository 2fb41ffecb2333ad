-- The outbox for speed, and late bounces.
-- Rendered messages move to their own table: SQLite rewrites a row's whole payload on every update, so a 20 KB message
-- inside the deliveries row made each claim and each recorded outcome copy it again.
-- Each bounce report read from the bounce mailbox is applied once, and finds its digest by Message-ID.

CREATE TABLE delivery_messages (
    delivery_id INTEGER PRIMARY KEY REFERENCES deliveries(id) ON DELETE CASCADE,
    message     BLOB NOT NULL                  -- the rendered MIME, so a retry sends the same bytes
);
INSERT INTO delivery_messages (delivery_id, message)
SELECT id, message FROM deliveries WHERE message IS NOT NULL AND state IN ('queued', 'sending', 'retry');
ALTER TABLE deliveries DROP COLUMN message;

CREATE TABLE bounce_reports (
    report_id   TEXT PRIMARY KEY,              -- the report's own Message-ID, so a report read twice counts once
    recipient   TEXT NOT NULL,
    status      TEXT NOT NULL,                 -- the DSN Status field, e.g. 5.1.1
    message_id  TEXT,                          -- the Message-ID of the digest it reports on, when it says
    received_at TEXT NOT NULL
);

CREATE INDEX deliveries_by_message_id ON deliveries(message_id);

-- Claims look for expired leases by index: lease columns sit after the message blob, which a row scan would walk.
CREATE INDEX deliveries_by_lease ON deliveries(state, lease_expires_at, lease_owner);
