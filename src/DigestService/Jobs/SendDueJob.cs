using DigestService.Delivery;
using Quartz;

namespace DigestService.Jobs;

/// <summary>Sends to every subscriber whose local delivery time has come.</summary>
[DisallowConcurrentExecution]
public sealed class SendDueJob(SendService send, JobRuns runs, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("send-due");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await send.SendDueAsync(now, cancellationToken);
        await runs.RecordAsync(Key, now, cancellationToken);
    }
}
