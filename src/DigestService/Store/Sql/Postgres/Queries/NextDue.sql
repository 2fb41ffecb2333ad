-- When this run's next row falls due: a retry it scheduled itself, or a row no run has named. Rows leased or scheduled
-- by other runs are theirs to finish, alive or not (a dead run's rows are taken up by a run after their lease), so a
-- run with nothing of its own left ends instead of waiting on them. Null when nothing is left for this run.
SELECT MIN(d.next_attempt_at) FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
WHERE d.state IN ('queued', 'retry') AND (d.lease_owner IS NULL OR d.lease_owner = @Owner) AND s.status = 'active';
