-- When the next row of an active subscriber can be claimed: a waiting retry, or a dead run's lease running out; null when none.
SELECT MIN(due) FROM (
    SELECT d.next_attempt_at AS due FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
    WHERE d.state IN ('queued', 'retry') AND s.status = 'active'
    UNION ALL
    SELECT d.lease_expires_at FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
    WHERE d.state = 'sending' AND d.lease_owner <> @Owner AND s.status = 'active');
