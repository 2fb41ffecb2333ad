using DigestService.Feed;
using Quartz;

namespace DigestService.Jobs;

/// <summary>Fetches the feed window ending today (UTC) and stores it.</summary>
[DisallowConcurrentExecution]
public sealed class IngestJob(IngestService ingest, JobRuns runs, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("ingest");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await ingest.IngestAsync(DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
        await runs.RecordAsync(Key, now, cancellationToken);
    }
}
