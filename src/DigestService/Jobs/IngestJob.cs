using DigestService.Digest;
using DigestService.Feed;
using Quartz;

namespace DigestService.Jobs;

/// <summary>Fetches the feed window ending today (UTC) and stores it.</summary>
[DisallowConcurrentExecution]
public sealed class IngestJob(IngestService ingest, JobRuns runs, EditionClock clock) : IJob
{
    public static readonly JobKey Key = new("ingest");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        await ingest.IngestAsync(EditionClock.UtcDate(now), cancellationToken);
        await runs.RecordAsync(Key, now, cancellationToken);
    }
}
