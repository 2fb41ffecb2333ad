-- The dashboard's subscribers-by-status chart: the daily counts from a day on.
SELECT day AS Day, status AS Status, count AS Count FROM subscriber_counts WHERE day >= @Since ORDER BY day;
