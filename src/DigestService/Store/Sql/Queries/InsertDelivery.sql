-- One outbox row per (subscriber, edition); the unique key makes a second plan of the same edition a no-op. A row the
-- run sends at once is inserted already claimed (state 'sending' under its lease), so no claim reads it back.
INSERT INTO deliveries (subscriber_id, edition, state, message_id, paper_count, attempts, next_attempt_at, lease_owner, lease_expires_at, created_at)
VALUES (@SubscriberId, @Edition, @State, @MessageId, @PaperCount, @Attempts, @Now, @LeaseOwner, @LeaseExpires, @Now)
ON CONFLICT (subscriber_id, edition) DO NOTHING
RETURNING id;
