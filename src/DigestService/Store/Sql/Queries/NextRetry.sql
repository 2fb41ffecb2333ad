-- When the earliest waiting retry of active subscribers falls due; null when nothing waits.
SELECT MIN(d.next_attempt_at) FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
WHERE d.state = 'retry' AND s.status = 'active';
