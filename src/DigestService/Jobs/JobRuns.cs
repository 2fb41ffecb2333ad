using DigestService.Store;
using Quartz;

namespace DigestService.Jobs;

/// <summary>When each job last ran, kept in the database so a restart knows what it missed.</summary>
public sealed class JobRuns(SettingsStore settings)
{
    public Task RecordAsync(JobKey job, DateTimeOffset at, CancellationToken cancellationToken) =>
        settings.SetAsync(SettingKey(job), Iso.Instant(at), cancellationToken);

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
