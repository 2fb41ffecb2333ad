-- Record the outcome of one attempt, only while this run still holds the lease.
UPDATE deliveries
SET state = @State,
    last_reply = @Reply,
    next_attempt_at = COALESCE(@NextAttemptAt, next_attempt_at),
    sent_at = CASE WHEN @State = 'sent' THEN @Now ELSE sent_at END,
    lease_owner = NULL, lease_expires_at = NULL
WHERE id = @Id AND lease_owner = @Owner;
