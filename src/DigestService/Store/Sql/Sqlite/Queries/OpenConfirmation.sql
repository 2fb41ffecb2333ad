-- A confirmation request that can still be used: never used, not expired, not voided by a later unsubscribe.
SELECT id AS Id, subscriber_id AS SubscriberId, topics AS Topics, time_zone AS TimeZone, source AS Source, reason AS Reason
FROM confirmations WHERE id = @Id AND used_at IS NULL AND expires_at > @Now;
