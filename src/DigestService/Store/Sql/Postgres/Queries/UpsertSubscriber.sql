-- Add or update one subscriber by address (add, import); a field left null keeps its stored value.
INSERT INTO subscribers (email, status, topics, keywords, authors, time_zone, delivery_hour, frequency, weekly_day, max_papers,
                         created_at, confirmed_at)
VALUES (@Email, COALESCE(@Status, 'pending'), COALESCE(@Topics, ''), COALESCE(@Keywords, ''), COALESCE(@Authors, ''), COALESCE(@TimeZone, 'UTC'),
        COALESCE(@DeliveryHour, 7), COALESCE(@Frequency, 'daily'), COALESCE(@WeeklyDay, 1), COALESCE(@MaxPapers, @DefaultMaxPapers),
        @Now, CASE WHEN @Status = 'active' THEN @Now END)
ON CONFLICT (ascii_fold(email)) DO UPDATE SET
    status        = COALESCE(@Status, subscribers.status),
    topics        = COALESCE(@Topics, subscribers.topics),
    keywords      = COALESCE(@Keywords, subscribers.keywords),
    authors       = COALESCE(@Authors, subscribers.authors),
    time_zone     = COALESCE(@TimeZone, subscribers.time_zone),
    delivery_hour = COALESCE(@DeliveryHour, subscribers.delivery_hour),
    frequency     = COALESCE(@Frequency, subscribers.frequency),
    weekly_day    = COALESCE(@WeeklyDay, subscribers.weekly_day),
    max_papers    = COALESCE(@MaxPapers, subscribers.max_papers),
    confirmed_at  = CASE WHEN @Status = 'active' THEN COALESCE(subscribers.confirmed_at, @Now) ELSE subscribers.confirmed_at END,
    unsubscribed_at = CASE WHEN @Status = 'active' THEN NULL ELSE subscribers.unsubscribed_at END,
    hard_bounces  = CASE WHEN @Status = 'active' THEN 0 ELSE subscribers.hard_bounces END
RETURNING id, email, status;
