-- One outbox row per (subscriber, edition); the unique key makes a second plan of the same edition a no-op. A row the
-- run sends at once is inserted already claimed (state 'sending' under its lease), so no claim reads it back; the
-- insert is its claim, so it makes the claim's check: nothing for a subscriber who left or bounced since selection.
INSERT INTO deliveries (subscriber_id, edition, state, message_id, paper_count, attempts, next_attempt_at, lease_owner, lease_expires_at, created_at)
SELECT @SubscriberId, @Edition, @State, @MessageId, @PaperCount, @Attempts, @Now, @LeaseOwner, @LeaseExpires, @Now
FROM subscribers WHERE id = @SubscriberId AND status = 'active'
ON CONFLICT (subscriber_id, edition) DO NOTHING
RETURNING id;
