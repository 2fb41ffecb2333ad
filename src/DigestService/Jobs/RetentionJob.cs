using DigestService.Config;
using DigestService.Store;
using Microsoft.Extensions.Options;
using Quartz;

namespace DigestService.Jobs;

/// <summary>Daily housekeeping: today's subscriber counts for the dashboard, then what Retention:* says is old enough to go.</summary>
[DisallowConcurrentExecution]
public sealed partial class RetentionJob(OperationsStore operations, JobRuns runs, IOptions<RetentionOptions> retention, TimeProvider clock, ILogger<RetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("retention");

    /// <summary>Daily, in the quiet hour before the usual morning sends.</summary>
    public const string Cron = "0 15 3 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        try
        {
            await operations.SnapshotSubscriberCountsAsync(cancellationToken);
            var pruned = await operations.PruneAsync(retention.Value.Days, retention.Value.SentPapersDays, cancellationToken);
            await runs.FinishedAsync(Key, started, ok: true, $"pruned {pruned} rows");
            LogPruned(pruned);
        }
        catch (Exception e)
        {
            await runs.FinishedAsync(Key, started, ok: false, $"error: {e.Message}");
            LogFailed(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention run: pruned {Rows} rows")]
    private partial void LogPruned(int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention run failed: {Reason}")]
    private partial void LogFailed(string reason);
}
