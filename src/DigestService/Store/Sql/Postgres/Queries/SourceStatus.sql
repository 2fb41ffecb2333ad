-- What `stats` says about each source: its last success and its last error.
SELECT name, last_success_at, last_error_at, last_error FROM feed_sources ORDER BY name COLLATE "C";
