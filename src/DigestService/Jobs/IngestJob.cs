using DigestService.Config;
using DigestService.Digest;
using DigestService.Feed;
using Microsoft.Extensions.Options;
using Quartz;

namespace DigestService.Jobs;

/// <summary>
/// Fetches the feed window ending today (UTC) and stores it. A run in which a source failed is recorded as failed and
/// tried again after Schedule:IngestRetryDelay, not only at the next cron slot (and at start, by the catch-up).
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class IngestJob(IngestService ingest, JobRuns runs, IOptions<ScheduleOptions> schedule, EditionClock clock, ILogger<IngestJob> logger) : IJob
{
    public static readonly JobKey Key = new("ingest");
    private static readonly TriggerKey RetryKey = new("ingest-retry");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var started = clock.Now;
        bool ok;
        string summary;
        try
        {
            var results = await ingest.IngestAsync(EditionClock.UtcDate(started), cancellationToken);
            ok = results.All(r => !r.Failed);
            summary = string.Join("; ", results);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ok = false;
            summary = "interrupted: the service is stopping";
        }
        catch (Exception e)
        {
            ok = false;
            summary = $"error: {e.Message}";
        }
        await runs.FinishedAsync(Key, started, ok, summary);
        if (ok)
        {
            await context.Scheduler.UnscheduleJob(RetryKey, CancellationToken.None);
            LogIngested(summary);
            return;
        }
        if (cancellationToken.IsCancellationRequested)
        {
            LogFailed(summary, "at the next start");
            return;
        }
        var retryAt = clock.Now + schedule.Value.IngestRetryDelay;
        LogFailed(summary, $"at {Store.Iso.Instant(retryAt)}");
        var retry = TriggerBuilder.Create().WithIdentity(RetryKey).ForJob(Key).StartAt(retryAt).Build();
        await context.Scheduler.ScheduleJob(retry, new ScheduleJobOptions { Replace = true }, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest run: {Summary}")]
    private partial void LogIngested(string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest run failed: {Summary}; trying again {RetryAt}")]
    private partial void LogFailed(string summary, string retryAt);
}
