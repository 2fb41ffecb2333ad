-- Record the outcome of one attempt, only while this run still holds the lease. A retry keeps the run's name (with no
-- lease) so the run knows to wait for it; any run may claim it once it falls due.
UPDATE deliveries
SET state = @State,
    last_reply = @Reply,
    next_attempt_at = COALESCE(@NextAttemptAt, next_attempt_at),
    sent_at = CASE WHEN @State = 'sent' THEN @Now ELSE sent_at END,
    lease_owner = CASE WHEN @State = 'retry' THEN lease_owner END,
    lease_expires_at = NULL
WHERE id = @Id AND lease_owner = @Owner;
