-- The dashboard's deliveries chart: finished deliveries per day (UTC, by when they were queued) and outcome.
SELECT substr(created_at, 1, 10) AS Day, state AS State, COUNT(*) AS Count
FROM deliveries
WHERE created_at >= @Since AND state IN ('sent', 'bounced', 'failed')
GROUP BY Day, state ORDER BY Day;
