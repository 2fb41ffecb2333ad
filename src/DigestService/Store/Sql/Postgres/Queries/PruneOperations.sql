-- Retention: finished deliveries, bounce reports, job runs and daily counts older than Retention:Days.
DELETE FROM deliveries WHERE created_at < @Before AND state IN ('sent', 'failed', 'bounced', 'skipped');
DELETE FROM bounce_reports WHERE received_at < @Before;
DELETE FROM job_runs WHERE started_at < @Before;
DELETE FROM subscriber_counts WHERE day < substr(@Before, 1, 10);
