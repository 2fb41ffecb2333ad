using DigestService.Web;
using Quartz;

namespace DigestService.Jobs;

/// <summary>Forgets the sign-ups nobody confirmed while their link worked.</summary>
[DisallowConcurrentExecution]
public sealed class ExpireSignUpsJob(SignUpService signUps, JobRuns runs, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("expire-sign-ups");

    /// <summary>Hourly: a pending row outlives its link by at most an hour.</summary>
    public const string Cron = "0 45 * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var expired = await signUps.ExpirePendingAsync(cancellationToken);
        await runs.FinishedAsync(Key, started, ok: true, $"forgot {expired} unconfirmed sign-ups");
    }
}
