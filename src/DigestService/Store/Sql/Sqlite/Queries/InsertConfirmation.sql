-- A confirmation request: the link carries its id; what it asks for is applied only when the link is used.
INSERT INTO confirmations (subscriber_id, topics, time_zone, source, reason, created_at, expires_at)
VALUES (@SubscriberId, @Topics, @TimeZone, @Source, @Reason, @Now, @ExpiresAt)
RETURNING id;
