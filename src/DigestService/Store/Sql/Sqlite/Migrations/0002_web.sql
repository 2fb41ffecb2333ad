-- Self-service on the web: every confirmation email sent, so one address gets only a few a day and a sign-up that
-- nobody confirmed can be recognised as expired. Deleting a subscriber deletes these rows too.

CREATE TABLE confirmation_mails (
    subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    sent_at       TEXT NOT NULL
);
CREATE INDEX confirmation_mails_by_subscriber ON confirmation_mails(subscriber_id, sent_at);
