-- Put an address on the suppression list, or update why it is there (the latest word counts).
INSERT INTO suppressions (address_hash, reason, source, since)
VALUES (@Hash, @Reason, @Source, @Now)
ON CONFLICT (address_hash) DO UPDATE SET reason = excluded.reason, source = excluded.source, since = excluded.since;
