-- A source answered (fully, or with some failed requests: @Error is then the first of them).
INSERT INTO feed_sources (name, last_success_at, last_error_at, last_error)
VALUES (@Source, @Now, CASE WHEN @Error IS NULL THEN NULL ELSE @Now END, @Error)
ON CONFLICT (name) DO UPDATE SET
    last_success_at = excluded.last_success_at,
    last_error_at   = COALESCE(excluded.last_error_at, feed_sources.last_error_at),
    last_error      = COALESCE(excluded.last_error, feed_sources.last_error);
