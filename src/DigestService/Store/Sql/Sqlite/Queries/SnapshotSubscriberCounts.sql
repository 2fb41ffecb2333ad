-- Today's subscriber counts by status (the latest of the day wins), for the dashboard's chart over time.
INSERT INTO subscriber_counts (day, status, count)
SELECT @Day, status, COUNT(*) FROM subscribers GROUP BY status
ON CONFLICT (day, status) DO UPDATE SET count = excluded.count;
