-- Confirmation links are single-use: using one, or unsubscribing, closes every open link of that subscriber.
UPDATE confirmations SET used_at = @Now WHERE subscriber_id = @SubscriberId AND used_at IS NULL;
