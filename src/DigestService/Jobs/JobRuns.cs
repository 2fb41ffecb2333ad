using DigestService.Store;
using Quartz;

namespace DigestService.Jobs;

/// <summary>
/// Every finished job run, kept in the database: the dashboard lists them, and the last good run of each job is what
/// the catch-up at start compares with its cron, so a run that failed is tried again after a restart.
/// </summary>
public sealed class JobRuns(SettingsStore settings, OperationsStore operations, TimeProvider clock)
{
    /// <summary>Records a run that has finished; written even when the job was cancelled, so a stop leaves its trace.</summary>
    public async Task FinishedAsync(JobKey job, DateTimeOffset startedAt, bool ok, string summary)
    {
        await operations.RecordRunAsync(new JobRun(job.Name, startedAt, clock.GetUtcNow(), ok, summary), CancellationToken.None);
        if (ok)
            await settings.SetAsync(SettingKey(job), Iso.Instant(startedAt), CancellationToken.None);
    }

    /// <summary>When the job last ran to a good end; null when it never did.</summary>
    public async Task<DateTimeOffset?> LastAsync(JobKey job, CancellationToken cancellationToken) =>
        await settings.GetAsync(SettingKey(job), cancellationToken) is { } text ? Iso.ParseInstant(text) : null;

    /// <summary>
    /// Claims the catch-up of the run missed after <paramref name="lastRun"/>: true for one node only, when several
    /// nodes of a cluster start together and each finds the same run missed.
    /// </summary>
    public Task<bool> ClaimCatchUpAsync(JobKey job, DateTimeOffset? lastRun, DateTimeOffset now, CancellationToken cancellationToken) =>
        settings.TryAddAsync($"catch_up:{job.Name}:{(lastRun is { } last ? Iso.Instant(last) : "never")}", Iso.Instant(now), cancellationToken);

    private static string SettingKey(JobKey job) => $"last_run:{job.Name}";
}
