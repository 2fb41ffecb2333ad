-- Whether one subscriber's digest of one edition was made, and how it went (queued, sent, skipped …).
SELECT state FROM deliveries WHERE subscriber_id = @SubscriberId AND edition = @Edition;
