-- One outbox row per (subscriber, edition); the unique key makes a second plan of the same edition a no-op.
INSERT INTO deliveries (subscriber_id, edition, state, message_id, paper_count, next_attempt_at, created_at)
VALUES (@SubscriberId, @Edition, @State, @MessageId, @PaperCount, @Now, @Now)
ON CONFLICT (subscriber_id, edition) DO NOTHING
RETURNING id;
