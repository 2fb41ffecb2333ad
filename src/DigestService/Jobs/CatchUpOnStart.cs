using DigestService.Config;
using Microsoft.Extensions.Options;
using Quartz;

namespace DigestService.Jobs;

/// <summary>
/// At start-up, runs at once each job whose scheduled time passed while the service was down; in a cluster, the one
/// node that claims the missed run does (the claim is a row in the database).
/// </summary>
public sealed partial class CatchUpOnStart(
    ISchedulerFactory schedulers,
    JobRuns runs,
    IOptions<ScheduleOptions> options,
    TimeProvider clock,
    ILogger<CatchUpOnStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var schedule = options.Value;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var (job, cron) in new[] { (IngestJob.Key, schedule.IngestCron), (SendDueJob.Key, schedule.SendCron), (RetentionJob.Key, RetentionJob.Cron) })
        {
            var last = await runs.LastAsync(job, cancellationToken);
            if (!MissedRun.WasMissed(cron, schedule.Zone, last, clock.GetUtcNow())
                || !await runs.ClaimCatchUpAsync(job, last, clock.GetUtcNow(), cancellationToken))
                continue;
            LogCatchingUp(job.Name, last);
            await scheduler.TriggerJob(job, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} missed a scheduled run (last run {LastRun}); running it now")]
    private partial void LogCatchingUp(string job, DateTimeOffset? lastRun);
}
