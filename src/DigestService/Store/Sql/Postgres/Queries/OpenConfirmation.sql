-- A confirmation request that can still be used: never used, not expired, not voided by a later unsubscribe. Locked
-- until the write commits: a link clicked twice at once on two nodes is used by one, and the other finds it used.
SELECT id AS Id, subscriber_id AS SubscriberId, topics AS Topics, time_zone AS TimeZone, source AS Source, reason AS Reason
FROM confirmations WHERE id = @Id AND used_at IS NULL AND expires_at > @Now
FOR UPDATE;
