-- What the preferences page edits, all at once.
UPDATE subscribers
SET topics = @Topics, keywords = @Keywords, time_zone = @TimeZone, delivery_hour = @DeliveryHour,
    frequency = @Frequency, weekly_day = @WeeklyDay, max_papers = @MaxPapers
WHERE id = @Id;
