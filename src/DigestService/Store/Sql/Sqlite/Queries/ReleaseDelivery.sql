-- Give a claimed row back unsent (the run paused or could not connect): the attempt it was claimed for does not count.
UPDATE deliveries
SET state = CASE WHEN attempts > 1 THEN 'retry' ELSE 'queued' END,
    attempts = attempts - 1,
    last_reply = @Reply,
    lease_owner = NULL, lease_expires_at = NULL
WHERE id = @Id AND lease_owner = @Owner;
