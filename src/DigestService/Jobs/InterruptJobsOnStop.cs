using Quartz;

namespace DigestService.Jobs;

/// <summary>
/// As soon as the host starts stopping (SIGTERM, SIGINT), cancels the token of every running job, so a send stops
/// claiming and gives its rows back while the Quartz hosted service waits for the jobs to end.
/// </summary>
public sealed class InterruptJobsOnStop(ISchedulerFactory schedulers, IHostApplicationLifetime lifetime) : IHostedService
{
    private CancellationTokenRegistration _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStopping.Register(() => _ = InterruptAllAsync());
        return Task.CompletedTask;
    }

    private async Task InterruptAllAsync()
    {
        var scheduler = await schedulers.GetScheduler();
        foreach (var job in new[] { IngestJob.Key, SendDueJob.Key, RetentionJob.Key, ExpireSignUpsJob.Key })
            await scheduler.Interrupt(job);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _registration.DisposeAsync().AsTask();
}
