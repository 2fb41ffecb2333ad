-- Keeps only the URLs the latest ingest of a source got answers from: days that left the window are dropped.
DELETE FROM feed_validators WHERE source = @Source AND used_at < @Now;
