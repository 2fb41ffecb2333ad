-- The dashboard's "last runs": the newest few runs of each job.
SELECT job AS Job, started_at AS StartedAt, finished_at AS FinishedAt, outcome AS Outcome, summary AS Summary
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY job ORDER BY started_at DESC, id DESC) AS n FROM job_runs)
WHERE n <= @PerJob
ORDER BY job, started_at DESC;
