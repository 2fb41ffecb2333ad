-- The outbox gauges and readiness: rows waiting to be sent, and when the longest-waiting due one fell due.
SELECT COUNT(*) AS Pending,
       MIN(CASE WHEN d.next_attempt_at <= @Now THEN d.next_attempt_at END) AS OldestDue
FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
WHERE d.state IN ('queued', 'retry', 'sending') AND s.status = 'active';
