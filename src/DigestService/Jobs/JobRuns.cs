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

    private static string SettingKey(JobKey job) => $"last_run:{job.Name}";
}
