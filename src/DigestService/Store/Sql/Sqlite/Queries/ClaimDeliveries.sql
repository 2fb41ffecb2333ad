-- Take a batch of due rows under a lease; rows of a run that died come back once their lease has expired (never this
-- run's own: those are still on their way to a connection). Each branch walks an index and stops at the limit, so a
-- claim costs the same with 20 rows waiting or 20,000.
UPDATE deliveries
SET state = 'sending', lease_owner = @Owner, lease_expires_at = @LeaseExpires, attempts = attempts + 1
WHERE id IN (
    SELECT id FROM (
        SELECT d.id FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
        WHERE d.state IN ('queued', 'retry') AND d.next_attempt_at <= @Now AND s.status = 'active'
        UNION ALL
        SELECT d.id FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
        WHERE d.state = 'sending' AND d.lease_expires_at <= @Now AND d.lease_owner <> @Owner AND s.status = 'active')
    LIMIT @Limit)
RETURNING id AS Id, subscriber_id AS SubscriberId, edition AS Edition, message_id AS MessageId, attempts AS Attempts;
