-- Take a batch of due rows under this run's lease; rows of a run that died come back once their lease has expired
-- (never this run's own: those are still on their way to a connection). FOR UPDATE SKIP LOCKED: runs on other nodes
-- claiming at the same moment each take other rows instead of waiting for, or double-claiming, these.
UPDATE deliveries
SET state = 'sending', lease_owner = @Owner, lease_expires_at = @LeaseExpires, attempts = attempts + 1
WHERE id IN (
    SELECT d.id FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
    WHERE s.status = 'active'
      AND ((d.state IN ('queued', 'retry') AND d.next_attempt_at <= @Now)
        OR (d.state = 'sending' AND d.lease_expires_at <= @Now AND d.lease_owner <> @Owner))
    LIMIT @Limit
    FOR UPDATE OF d SKIP LOCKED)
RETURNING id AS Id, subscriber_id AS SubscriberId, edition AS Edition, message_id AS MessageId, attempts AS Attempts;
