-- Count a hard bounce against a subscriber and suppress them once the count reaches Delivery:HardBounceLimit.
UPDATE subscribers
SET hard_bounces = hard_bounces + 1,
    status = CASE WHEN hard_bounces + 1 >= @Limit AND status IN ('active', 'pending') THEN 'bounced' ELSE status END
WHERE id = @SubscriberId;
