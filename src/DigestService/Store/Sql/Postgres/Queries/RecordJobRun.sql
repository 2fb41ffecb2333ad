-- One finished run of a scheduled job, for the dashboard and for telling a failed run from a good one.
INSERT INTO job_runs (job, started_at, finished_at, outcome, summary) VALUES (@Job, @StartedAt, @FinishedAt, @Outcome, @Summary);
