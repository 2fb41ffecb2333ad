-- Every request of a source failed: its last success stays what it was.
INSERT INTO feed_sources (name, last_success_at, last_error_at, last_error)
VALUES (@Source, NULL, @Now, @Error)
ON CONFLICT (name) DO UPDATE SET
    last_error_at = excluded.last_error_at,
    last_error    = excluded.last_error;
