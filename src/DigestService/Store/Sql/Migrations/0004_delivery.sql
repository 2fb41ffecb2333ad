-- Late bounces: each report read from the bounce mailbox is applied once, and it finds its digest by Message-ID.

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
